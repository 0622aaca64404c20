// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

import {readStack} from '../../stack/stack';

// pluginKvKeys lists the plugin's KV keys that contain `part`, read from the stack's PostgreSQL
// behind the plugin's back, so a test sees what is really stored.
export function pluginKvKeys(pluginId: string, part: string): string[] {
    if (!/^[a-z0-9]{26}$/.test(part) || !/^[a-z0-9.-]+$/.test(pluginId)) {
        throw new Error(`refusing to query with ${pluginId} / ${part}`);
    }
    const socketDir = join(readStack().run_dir, 'pg');
    const socket = readdirSync(socketDir).find((f) => /^\.s\.PGSQL\.\d+$/.test(f));
    if (socket === undefined) {
        throw new Error(`no PostgreSQL socket in ${socketDir}`);
    }
    const out = execFileSync('psql', ['-X', '-A', '-t', '-h', socketDir, '-p', socket.split('.').pop()!, '-U', 'postgres', '-d', 'mattermost_test',
        '-c', `SELECT pkey FROM pluginkeyvaluestore WHERE pluginid = '${pluginId}' AND pkey LIKE '%${part}%' ORDER BY pkey`], {encoding: 'utf8'}).trim();
    return out === '' ? [] : out.split('\n');
}
