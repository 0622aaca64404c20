// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import {bridgeContext} from '../http/bridge_headers';
import type {PluginState} from '../runtime/plugin_state';

// GET /api/v1/health answers from the sidecar itself: proof that the whole bridge works.
export function registerHealthRoute(app: FastifyInstance, state: PluginState): void {
    app.get('/api/v1/health', async (request) => {
        const ctx = bridgeContext(request.headers, request.url);
        return {
            status: 'ok',
            version: state.version,
            uptime: Math.round(state.uptimeSeconds() * 1000) / 1000,
            user_id: ctx.userId,
            settings_hash: state.settingsHash,
            configured: state.settings.collaboraUrl !== '',
        };
    });
}
