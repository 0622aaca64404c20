// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {CompatReport} from '../runtime/server_compat';

import type {CheckResult} from './admin_check_result';

// The connection check's line about Mattermost itself: which version the plugin found at its last
// activation and what it checked there (runtime/server_compat.ts).
export function serverResult(compat: CompatReport | null): CheckResult {
    const title = 'Mattermost server';
    if (!compat) {
        return {id: 'server', ok: false, title, detail: 'The plugin has not finished starting.', fix: 'Wait a few seconds and run the check again; if it persists, disable and enable the plugin.'};
    }
    if (compat.problems.length) {
        return {id: 'server', ok: false, title, detail: compat.problems.join(' '), fix: `Run Mattermost ${compat.minVersion} or later.`};
    }
    return {id: 'server', ok: true, title, detail: `Mattermost ${compat.serverVersion} meets the plugin's minimum (${compat.minVersion}), and its key-value store honours compare-and-set.`};
}
