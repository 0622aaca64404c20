// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createServer, ServerError, Status, type Server} from 'nice-grpc';

import {HooksDefinition, type HooksServiceImplementation} from '../gen/bridge/v1/bridge';
import type {CommandArgs, Hooks} from '../runtime/hooks';
import type {PluginState} from '../runtime/plugin_state';
import {UnsupportedServerError} from '../runtime/server_compat';

const MAX_MESSAGE = 16 * 1024 * 1024;

export function hooksImplementation(hooks: Hooks, state: PluginState): HooksServiceImplementation {
    return {
        async onActivate(req) {
            try {
                await hooks.activate(req.serverVersion);
            } catch (err) {
                // nice-grpc hides other errors' messages; this one is for the admin.
                if (err instanceof UnsupportedServerError) {
                    throw new ServerError(Status.FAILED_PRECONDITION, err.message);
                }
                throw err;
            }
            return {};
        },
        async onDeactivate() {
            state.log.info('Collabora Online plugin deactivating');
            return {};
        },
        async onConfigurationChange(req) {
            await hooks.configure(JSON.parse(Buffer.from(req.pluginConfigJson).toString('utf8') || '{}') as Record<string, unknown>);
            return {};
        },
        async executeCommand(req) {
            const args = JSON.parse(Buffer.from(req.argsJson).toString('utf8')) as CommandArgs;
            const response = await hooks.executeCommand(args);
            return {responseJson: Buffer.from(JSON.stringify(response)), errorMessage: ''};
        },
        async onPluginClusterEvent(req) {
            await hooks.clusterEvent(req.id, Buffer.from(req.data));
            return {};
        },
        async messageHasBeenDeleted(req) {
            await hooks.postDeleted(req.postId, req.fileIds);
            return {};
        },
        async messageHasBeenUpdated(req) {
            await hooks.postUpdated(req.postId, req.oldFileIds, req.newFileIds);
            return {};
        },
        async health() {
            return {version: state.version, uptimeSeconds: state.uptimeSeconds()};
        },
    };
}

export async function startHooksServer(impl: HooksServiceImplementation, socketPath: string): Promise<Server> {
    const server = createServer({'grpc.max_receive_message_length': MAX_MESSAGE, 'grpc.max_send_message_length': MAX_MESSAGE});
    server.add(HooksDefinition, impl);
    await server.listen(`unix://${socketPath}`);
    return server;
}
