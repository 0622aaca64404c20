// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The Node sidecar's memory, read from /proc like `grep VmHWM /proc/<pid>/status`.

import {readFileSync} from 'node:fs';

import {findSidecars} from '../../stack/processes';
import {pluginDir} from '../../stack/stack';

export interface SidecarMemory {
    pid: number;
    // Peak resident set size since the process started (VmHWM), in bytes.
    peakRssBytes: number;
    // Resident set size now (VmRSS), in bytes.
    rssBytes: number;
}

function kbField(status: string, name: string): number {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) {
        throw new Error(`no ${name} in /proc status`);
    }
    return Number(match[1]) * 1024;
}

// The one sidecar of this stack's plugin (node running <plugin dir>/server-ts/dist/main.js).
export function sidecarMemory(): SidecarMemory {
    const sidecars = findSidecars(pluginDir());
    if (sidecars.length !== 1) {
        throw new Error(`expected one sidecar process, found ${sidecars.length}`);
    }
    const pid = sidecars[0].pid;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {pid, peakRssBytes: kbField(status, 'VmHWM'), rssBytes: kbField(status, 'VmRSS')};
}

export const MiB = 1024 * 1024;
