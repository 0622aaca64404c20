// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Tokens the REST API would never hand out (issued two hours ago, for a user who may not open
// the document, in edit mode for a viewer), signed with the plugin's real key. The key lives in
// the plugin KV store, i.e. in the stack's own PostgreSQL, which the test reads directly: an
// expired token this way takes milliseconds instead of waiting out a one-minute TTL.

import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

import {issueToken} from '../../../server-ts/src/tokens/access_token';
import type {TokenMode} from '../../../server-ts/src/tokens/access_token';
import {parseTokenKey} from '../../../server-ts/src/tokens/token_key';
import {readStack, requirePlugin} from '../../stack/stack';

// start.sh puts PostgreSQL's socket in <run dir>/pg, named after its port.
function psql(sql: string): string {
    const socketDir = join(readStack().run_dir, 'pg');
    const socket = readdirSync(socketDir).find((f) => /^\.s\.PGSQL\.\d+$/.test(f));
    if (!socket) {
        throw new Error(`no PostgreSQL socket in ${socketDir}`);
    }
    const port = socket.split('.').pop() ?? '';
    return execFileSync('psql', ['-X', '-q', '-At', '-h', socketDir, '-p', port, '-U', 'mmuser', '-d', 'mattermost_test', '-c', sql], {encoding: 'utf8'}).trim();
}

let cachedKey: Buffer | undefined;

// The HMAC key the sidecar signs tokens with (KV key token_signing_key, a JSON string). It is
// created on the first /open, so call this after one.
export function signingKey(): Buffer {
    if (!cachedKey) {
        const pluginId = requirePlugin().id.replace(/'/g, "''");
        const stored = psql(`SELECT convert_from(pvalue, 'UTF8') FROM pluginkeyvaluestore WHERE pluginid = '${pluginId}' AND pkey = 'token_signing_key'`);
        if (stored === '') {
            throw new Error('the plugin has no token signing key yet (open a document first)');
        }
        const parsed = parseTokenKey(JSON.parse(stored) as string);
        if (!parsed.ok) {
            throw new Error(`stored token key unreadable: ${parsed.error}`);
        }
        cachedKey = parsed.key;
    }
    return cachedKey;
}

export interface ForgedToken {
    token: string;
    ttl: number;
}

// A token exactly as the sidecar issues it, for any user, document, mode and issue time.
export function forgeToken(userId: string, docId: string, mode: TokenMode, options: {issuedAtMs?: number; ttlSeconds?: number} = {}): ForgedToken {
    const issued = issueToken(signingKey(), {userId, docId, mode}, options.ttlSeconds ?? 600, options.issuedAtMs ?? Date.now());
    return {token: issued.token, ttl: issued.claims.expiresAtMs};
}
