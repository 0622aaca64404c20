// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import {messagePage} from '../links/link_pages';
import type {Services} from '../services';

import {sendApiError, toApiError} from './api_error';
import {registerLinkCreateRoute} from './link_create';
import {registerLinkRedeemRoutes, sendPage} from './link_redeem';
import {registerOpenRedirectRoute} from './open_redirect';
import {sessionUser} from './request_input';

// Two scopes: the link API for the webapp (Mattermost session, JSON errors like the rest of
// the API) and the public link page (no session, HTML pages only: never an error dump).
export function registerLinkRoutes(app: FastifyInstance, services: Services): void {
    void app.register(async (scope) => {
        scope.addHook('onRequest', async (request) => {
            sessionUser(request);
        });
        scope.setErrorHandler((err, request, reply) => sendApiError(reply, toApiError(err, services.state.log, request.routeOptions.url ?? request.url)));
        registerLinkCreateRoute(scope, services);
    });
    void app.register(async (scope) => {
        scope.setErrorHandler((err, request, reply) => {
            services.state.log.error('Link page failed', {route: request.routeOptions.url ?? request.url, error: err instanceof Error ? err.message : String(err)});
            return sendPage(reply, messagePage(500, 'Something went wrong', 'The document could not be opened. Please try again in a moment; if it keeps happening, ask your system admin to check the server log.'));
        });
        registerLinkRedeemRoutes(scope, services);
        registerOpenRedirectRoute(scope, services);
    });
}
