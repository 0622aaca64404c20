// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {Services} from '../services';

import {forbidden} from './api_error';
import type {CheckResult} from './admin_check_result';
import {runConnectionCheck} from './connection_check';
import {sessionUser} from './request_input';

// POST /api/v1/admin/check: the admin console's "Test connection". A POST, not a GET, because
// it makes the server call out to Collabora Online. System admins only: the answer names
// internal addresses.
export function registerAdminCheckRoute(app: FastifyInstance, services: Services): void {
    app.post('/api/v1/admin/check', async (request): Promise<{results: CheckResult[]}> => {
        const userId = sessionUser(request);
        if (!(await services.state.api.hasPermissionTo(userId, 'manage_system'))) {
            throw forbidden('NOT_SYSTEM_ADMIN', 'Only system admins can run the connection check.');
        }
        const results = await runConnectionCheck(services);
        services.state.log.info('Connection check run', {user_id: userId, failed: results.filter((r) => !r.ok).map((r) => r.id).join(',')});
        return {results};
    });
}
