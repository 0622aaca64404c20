// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Installing and switching the plugin through Mattermost's plugin REST API, as an admin would.

import {readFile} from 'node:fs/promises';
import {basename} from 'node:path';

import {MattermostClient, StopWaiting, waitFor} from './mm_client';

// model.PluginState* in server/public/model/plugin_status.go.
export const PluginState = {
    NotRunning: 0,
    Starting: 1,
    Running: 2,
    FailedToStart: 3,
    FailedToStayRunning: 4,
    Stopping: 5,
} as const;

export interface PluginStatus {
    plugin_id: string;
    state: number;
    error?: string;
    version: string;
}

export async function pluginStatus(admin: MattermostClient, pluginId: string): Promise<PluginStatus | undefined> {
    const statuses = await admin.request<PluginStatus[]>('GET', '/api/v4/plugins/statuses');
    return statuses.find((s) => s.plugin_id === pluginId);
}

// Polls /api/v4/plugins/statuses until the plugin reaches `state`. A plugin that lands in a
// failed state stops the wait at once, with Mattermost's error for it.
export async function waitForPluginState(admin: MattermostClient, pluginId: string, state: number, timeoutMs = 60_000): Promise<PluginStatus> {
    return waitFor(`plugin ${pluginId} to reach state ${state}`, async () => {
        const status = await pluginStatus(admin, pluginId);
        if (status?.state === state) {
            return status;
        }
        const failed = status?.state === PluginState.FailedToStart || status?.state === PluginState.FailedToStayRunning;
        if (failed && state !== status.state) {
            throw new StopWaiting(`plugin ${pluginId} failed (state ${status.state}): ${status.error ?? 'no error given'}`);
        }
        return undefined;
    }, timeoutMs, 500);
}

// POST /api/v4/plugins (multipart field `plugin`, force=true replaces an installed version).
export async function uploadPlugin(admin: MattermostClient, bundlePath: string): Promise<{id: string; version: string}> {
    const form = new FormData();
    form.append('plugin', new Blob([await readFile(bundlePath)], {type: 'application/gzip'}), basename(bundlePath));
    form.append('force', 'true');
    return admin.request('POST', '/api/v4/plugins', {body: form});
}

export async function enablePlugin(admin: MattermostClient, pluginId: string): Promise<void> {
    await admin.request('POST', `/api/v4/plugins/${pluginId}/enable`);
}

export async function disablePlugin(admin: MattermostClient, pluginId: string): Promise<void> {
    await admin.request('POST', `/api/v4/plugins/${pluginId}/disable`);
}
