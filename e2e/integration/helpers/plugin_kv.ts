// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';

import {readStack} from '../../stack/stack';

// pluginKvKeys lists the plugin's KV keys that contain `part`, read from the stack's PostgreSQL
// behind the plugin's back, so a test sees what is really stored.
export function pluginKvKeys(pluginId: string, part: string): string[] {
    if (!/^[a-z0-9]{26}$/.test(part)) {
        throw new Error(`refusing to query with ${part}`);
    }
    const out = psql(`SELECT pkey FROM pluginkeyvaluestore WHERE pluginid = '${checkedPluginId(pluginId)}' AND pkey LIKE '%${part}%' ORDER BY pkey`);
    return out === '' ? [] : out.split('\n');
}

// pluginKvJson reads one of the plugin's KV values as JSON from PostgreSQL, or null.
export function pluginKvJson<T>(pluginId: string, key: string): T | null {
    if (!/^[a-z]+:[a-z0-9]{26}$/.test(key)) {
        throw new Error(`refusing to query with ${key}`);
    }
    const out = psql(`SELECT convert_from(pvalue, 'UTF8') FROM pluginkeyvaluestore WHERE pluginid = '${checkedPluginId(pluginId)}' AND pkey = '${key}'`);
    return out === '' ? null : JSON.parse(out) as T;
}

function checkedPluginId(pluginId: string): string {
    if (!/^[a-z0-9.-]+$/.test(pluginId)) {
        throw new Error(`refusing to query with ${pluginId}`);
    }
    return pluginId;
}

function psql(sql: string): string {
    const socketDir = join(readStack().run_dir, 'pg');
    const socket = readdirSync(socketDir).find((f) => /^\.s\.PGSQL\.\d+$/.test(f));
    if (socket === undefined) {
        throw new Error(`no PostgreSQL socket in ${socketDir}`);
    }
    return execFileSync('psql', ['-X', '-A', '-t', '-h', socketDir, '-p', socket.split('.').pop()!, '-U', 'postgres', '-d', 'mattermost_test', '-c', sql], {encoding: 'utf8'}).trim();
}
