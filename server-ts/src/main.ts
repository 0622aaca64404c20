// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {rmSync} from 'node:fs';
import path from 'node:path';

import {buildApp} from './app';
import {registerCollaboraCommand} from './commands/collabora_command';
import {connectPluginApi} from './bridge/plugin_api_client';
import {hooksImplementation, startHooksServer} from './bridge/hooks_server';
import {createLogger} from './logger';
import {Hooks} from './runtime/hooks';
import {PluginState} from './runtime/plugin_state';
import {buildServices, registerCleanup, registerDocumentRemoval} from './services';

declare const PLUGIN_VERSION: string;

// The sidecar's entry: the shim starts it with COLLABORA_BRIDGE_DIR, a private directory where
// the shim serves the Plugin API (api.sock) and we serve Hooks (hooks.sock) and our HTTP app
// (http.sock, where the shim sends Mattermost's ServeHTTP requests). The shim knows we are up
// when Health answers.
async function main(): Promise<void> {
    const log = createLogger();
    const dir = process.env.COLLABORA_BRIDGE_DIR;
    if (!dir) {
        log.error('COLLABORA_BRIDGE_DIR is not set: the sidecar must be started by the plugin');
        process.exit(2);
    }
    const api = connectPluginApi(path.join(dir, 'api.sock'));
    const state = new PluginState(api, log, typeof PLUGIN_VERSION === 'string' ? PLUGIN_VERSION : 'dev');
    const hooks = new Hooks(state);
    const services = buildServices(state);
    registerCollaboraCommand(services, hooks);
    registerDocumentRemoval(services, hooks);
    registerCleanup(services, hooks);
    const app = buildApp({state, hooks, services, testRoutes: process.env.COLLABORA_SIDECAR_TEST_ROUTES === '1'});
    const httpSocket = path.join(dir, 'http.sock');
    rmSync(httpSocket, {force: true});
    await app.listen({path: httpSocket});
    const hooksSocket = path.join(dir, 'hooks.sock');
    rmSync(hooksSocket, {force: true});
    const server = await startHooksServer(hooksImplementation(hooks, state), hooksSocket);

    let stopping = false;
    const shutdown = (reason: string): void => {
        if (stopping) {
            return;
        }
        stopping = true;
        log.info('Sidecar stopping', {reason});
        void server.shutdown();
        app.close().finally(() => process.exit(0));
        setTimeout(() => process.exit(0), 2000).unref();
    };
    // The shim holds our stdin open; when it goes away, so do we.
    process.stdin.on('end', () => shutdown('the plugin process went away'));
    process.stdin.on('error', () => shutdown('the plugin process went away'));
    process.stdin.resume();
    process.on('SIGTERM', () => shutdown('SIGTERM'));
    process.on('unhandledRejection', (err) => log.error('Unhandled rejection', {error: err instanceof Error ? err.message : String(err)}));
}

main().catch((err: unknown) => {
    process.stderr.write(`The sidecar failed to start: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exit(1);
});
