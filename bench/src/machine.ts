// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {cpus, loadavg, totalmem} from 'node:os';

// The machine and its load: figures only mean something next to these.
export function describeMachine(): string {
    const cpu = cpus()[0]?.model ?? 'unknown';
    const load = loadavg().map((l) => l.toFixed(2)).join(', ');
    return `${cpus().length} CPUs (${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, load average ${load}`;
}
