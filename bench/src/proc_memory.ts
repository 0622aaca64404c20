// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {readFileSync, writeFileSync} from 'node:fs';

// Resident memory of a process from /proc/<pid>/status, in bytes.
export function memoryOf(pid: number): {rss: number; hwm: number} {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => {
        const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
        if (!m) {
            throw new Error(`no ${name} in /proc/${pid}/status`);
        }
        return Number(m[1]) * 1024;
    };
    return {rss: field('VmRSS'), hwm: field('VmHWM')};
}

// Resets the peak (VmHWM) to the current RSS (proc(5), clear_refs "5"), so the next peak belongs
// to what happens next. Needs the right to write the process's clear_refs (same user or root).
export function resetPeak(pid: number): boolean {
    try {
        writeFileSync(`/proc/${pid}/clear_refs`, '5');
        return true;
    } catch {
        return false;
    }
}
