// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import Fastify, {type FastifyInstance} from 'fastify';

import {registerHealthRoute} from './api/health';
import {registerLinkRoutes} from './api/link_routes';
import {registerApiRoutes} from './api/routes';
import {registerTestRoutes} from './api/test_routes';
import type {Hooks} from './runtime/hooks';
import type {PluginState} from './runtime/plugin_state';
import type {Services} from './services';
import {registerWopiRoutes} from './wopi/routes';

export interface AppDeps {
    state: PluginState;
    hooks: Hooks;
    services: Services;
    // Routes that only the bridge's own tests use; never on in a real installation.
    testRoutes?: boolean;
}

// buildApp returns the sidecar's HTTP app with every route group registered. It never listens:
// main.ts binds it to the bridge's socket, tests call it with inject().
export function buildApp(deps: AppDeps): FastifyInstance {
    // Header limit: the shim refuses heads over 60 KiB itself (build/shim/http_bridge.go), so
    // Node's parser never cuts a request off mid-head.
    const app = Fastify({logger: false, trustProxy: false, http: {maxHeaderSize: 64 * 1024}});
    // Bodies are streamed by the routes that take them (PutFile can be hundreds of MiB); no
    // body is buffered by a generic parser.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('application/json', {parseAs: 'string', bodyLimit: 1024 * 1024}, (_req, body, done) => {
        try {
            done(null, body === '' ? {} : JSON.parse(body as string));
        } catch {
            done(Object.assign(new Error('The request body is not valid JSON.'), {statusCode: 400}), undefined);
        }
    });
    app.addContentTypeParser('*', (_req, _payload, done) => done(null));
    registerHealthRoute(app, deps.state);
    registerWopiRoutes(app, deps.services);
    registerApiRoutes(app, deps.services);
    registerLinkRoutes(app, deps.services);
    if (deps.testRoutes) {
        registerTestRoutes(app, deps.state, deps.hooks);
    }
    return app;
}
