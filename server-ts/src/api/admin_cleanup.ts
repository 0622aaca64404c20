// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {CleanupReport} from '../documents/cleanup_job';
import type {Services} from '../services';

import {conflict, forbidden} from './api_error';
import {sessionUser} from './request_input';

// POST /api/v1/admin/cleanup runs the cleanup job now (after an incident, say) instead of at
// its daily time. System admins only. 409 while another node runs it.
export function registerAdminCleanupRoute(app: FastifyInstance, services: Services): void {
    app.post('/api/v1/admin/cleanup', async (request): Promise<CleanupReport> => {
        const userId = sessionUser(request);
        if (!(await services.state.api.hasPermissionTo(userId, 'manage_system'))) {
            throw forbidden('NOT_SYSTEM_ADMIN', 'Only system admins can run the cleanup.');
        }
        const report = await services.cleanup.run();
        if (!report) {
            throw conflict('CLEANUP_RUNNING', 'The cleanup is running on another server; try again when it finished.');
        }
        return report;
    });
}
