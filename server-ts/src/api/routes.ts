// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {Services} from '../services';

import {registerAdminCheckRoute} from './admin_check';
import {registerAdminCleanupRoute} from './admin_cleanup';
import {sendApiError, toApiError} from './api_error';
import {registerClientConfigRoute} from './client_config';
import {registerDocumentThreadRoute} from './document_thread';
import {registerFileLockRoutes} from './file_lock';
import {registerFileRightsRoutes} from './file_rights';
import {registerMentionRoutes} from './mentions';
import {registerNewDocumentRoute} from './new_document';
import {registerOpenFileRoute} from './open_file';
import {registerPdfExportRoutes} from './pdf_export';
import {registerPresenceRoutes} from './presence';
import {sessionUser} from './request_input';
import {registerRevisionRoutes} from './revisions';

// registerApiRoutes adds the REST API our webapp calls, in its own fastify scope so that its
// session check and its error mapping (the only one for the group: JSON {error, code}) apply
// to these routes and nothing else.
export function registerApiRoutes(app: FastifyInstance, services: Services): void {
    void app.register(async (scope) => {
        // Before the body is read: a request without a session learns nothing, not even
        // whether its body would have parsed.
        scope.addHook('onRequest', async (request) => {
            sessionUser(request);
        });
        scope.setErrorHandler((err, request, reply) => sendApiError(reply, toApiError(err, services.state.log, request.routeOptions.url ?? request.url)));
        registerClientConfigRoute(scope, services);
        registerFileRightsRoutes(scope, services);
        registerFileLockRoutes(scope, services);
        registerOpenFileRoute(scope, services);
        registerNewDocumentRoute(scope, services);
        registerRevisionRoutes(scope, services);
        registerPresenceRoutes(scope, services);
        registerPdfExportRoutes(scope, services);
        registerMentionRoutes(scope, services);
        registerDocumentThreadRoute(scope, services);
        registerAdminCheckRoute(scope, services);
        registerAdminCleanupRoute(scope, services);
    });
}
