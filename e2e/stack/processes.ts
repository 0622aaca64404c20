// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Finds the plugin's processes on this machine through /proc, so tests can check which process
// answers and kill one on purpose. Matching is by the plugin's own unpacked directory, which is
// unique to the stack, never by a program name alone.

import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export interface ProcessInfo {
    pid: number;
    argv: string[];
}

function listProcesses(): ProcessInfo[] {
    const out: ProcessInfo[] = [];
    for (const entry of readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) {
            continue;
        }
        try {
            const argv = readFileSync(join('/proc', entry, 'cmdline'), 'utf8').split('\0').filter((a) => a !== '');
            // Zombies and kernel threads have no command line.
            if (argv.length > 0) {
                out.push({pid: Number(entry), argv});
            }
        } catch {
            // The process ended while we looked.
        }
    }
    return out;
}

// The Node sidecar: node running <plugin dir>/server-ts/dist/main.js.
export function findSidecars(pluginDir: string): ProcessInfo[] {
    const script = join(pluginDir, 'server-ts', 'dist', 'main.js');
    return listProcesses().filter((p) => p.argv.some((a) => a === script || a.endsWith('server-ts/dist/main.js') && a.startsWith(pluginDir)));
}

// The Go shim Mattermost starts: <plugin dir>/server/dist/plugin-linux-<arch>.
export function findShims(pluginDir: string): ProcessInfo[] {
    const prefix = join(pluginDir, 'server', 'dist', 'plugin-');
    return listProcesses().filter((p) => p.argv[0]?.startsWith(prefix));
}

export function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}
