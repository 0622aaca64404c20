// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The sidecar's health route, reached through Mattermost's plugin routing
// (/plugins/<id>/api/v1/health → Go shim → gRPC bridge → Node). An answer proves the whole path.

import {MattermostClient, waitFor} from './mm_client';

export interface Health {
    status: string;
    version: string;
    uptime: number;
    // The Mattermost user id the sidecar received, null without a Mattermost session.
    user_id: string | null;
    // A digest of the plugin settings the sidecar runs with.
    settings_hash: string;
}

export interface HealthAnswer {
    status: number;
    body: Health | undefined;
}

export function healthPath(pluginId: string): string {
    return `/plugins/${pluginId}/api/v1/health`;
}

export async function getHealth(client: MattermostClient, pluginId: string, headers: Record<string, string> = {}): Promise<HealthAnswer> {
    const res = await client.fetch('GET', healthPath(pluginId), {headers});
    const text = await res.text();
    let body: Health | undefined;
    if (res.headers.get('content-type')?.includes('application/json')) {
        body = JSON.parse(text) as Health;
    }
    return {status: res.status, body};
}

// Waits until the health route answers 200 and `accept` (if given) likes the answer.
export async function waitForHealth(client: MattermostClient, pluginId: string, timeoutMs: number, accept: (h: Health) => boolean = () => true): Promise<Health> {
    return waitFor('the sidecar health route', async () => {
        const answer = await getHealth(client, pluginId);
        return answer.status === 200 && answer.body && accept(answer.body) ? answer.body : undefined;
    }, timeoutMs, 200);
}
