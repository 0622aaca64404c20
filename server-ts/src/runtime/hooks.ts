// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {migrateLegacySettings} from '../config/legacy_settings';

import type {PluginState} from './plugin_state';
import {checkServerCompat, MIN_SERVER_VERSION, UnsupportedServerError} from './server_compat';

// The product's answers to Mattermost's hooks. bridge/hooks_server.ts carries them over gRPC.

export interface CommandResponse {
    response_type: 'ephemeral' | 'in_channel';
    text: string;
}

export interface CommandArgs {
    command: string;
    user_id: string;
    channel_id: string;
    team_id: string;
    root_id?: string;
}

export type ClusterEventHandler = (data: Buffer) => Promise<void> | void;

// Told the files a deleted or edited post showed; what happened is read from Mattermost.
export type PostFilesHandler = (postId: string, fileIds: string[]) => Promise<void>;

export class Hooks {
    private readonly clusterHandlers = new Map<string, ClusterEventHandler>();
    private commandHandler: ((args: CommandArgs) => Promise<CommandResponse>) | null = null;
    private postFilesHandler: PostFilesHandler | null = null;
    private readonly activators: Array<() => Promise<void>> = [];

    constructor(private readonly state: PluginState, private readonly minServerVersion = MIN_SERVER_VERSION) {}

    onCluster(id: string, handler: ClusterEventHandler): void {
        this.clusterHandlers.set(id, handler);
    }

    onCommand(handler: (args: CommandArgs) => Promise<CommandResponse>): void {
        this.commandHandler = handler;
    }

    onPostFilesChanged(handler: PostFilesHandler): void {
        this.postFilesHandler = handler;
    }

    // onActivated registers work to run at each activation (each sidecar start).
    onActivated(fn: () => Promise<void>): void {
        this.activators.push(fn);
    }

    async activate(serverVersion: string): Promise<void> {
        // First, so that an unsupported server gets a clear refusal and nothing else runs.
        const compat = await checkServerCompat(this.state.api, serverVersion, this.minServerVersion);
        this.state.compat = compat;
        if (compat.problems.length) {
            this.state.log.error('Unsupported Mattermost server', {server_version: serverVersion, min_server_version: compat.minVersion, problems: compat.problems.join(' ')});
            throw new UnsupportedServerError(compat);
        }
        await this.state.refreshServerConfig();
        const raw = await this.state.api.getPluginConfig();
        const legacy = migrateLegacySettings(raw);
        if (legacy.migrated) {
            await this.state.api.savePluginConfig(legacy.migrated);
            this.state.applyConfiguration(legacy.migrated);
            this.state.log.info('Carried the 1.x plugin settings over', {settings: legacy.found.join(', ')});
        }
        for (const fn of this.activators) {
            await fn();
        }
        this.state.log.info('Collabora Online plugin activated', {version: this.state.version, server_version: serverVersion, min_server_version: compat.minVersion});
    }

    // configure runs on every Mattermost configuration change, on every node.
    async configure(raw: Record<string, unknown>): Promise<void> {
        this.state.applyConfiguration(raw);
        try {
            await this.state.refreshServerConfig();
        } catch (err) {
            // Before OnActivate the Plugin API may not answer yet; activation reads it again.
            this.state.log.debug('Server configuration not read', {error: err instanceof Error ? err.message : String(err)});
        }
    }

    async executeCommand(args: CommandArgs): Promise<CommandResponse> {
        if (!this.commandHandler) {
            return {response_type: 'ephemeral', text: 'This command is not available yet.'};
        }
        return this.commandHandler(args);
    }

    async postDeleted(postId: string, fileIds: string[]): Promise<void> {
        await this.postFilesHandler?.(postId, fileIds);
    }

    // Only the files the edit took away can have lost their post.
    async postUpdated(postId: string, oldFileIds: string[], newFileIds: string[]): Promise<void> {
        const kept = new Set(newFileIds);
        const removed = oldFileIds.filter((id) => !kept.has(id));
        if (removed.length > 0) {
            await this.postFilesHandler?.(postId, removed);
        }
    }

    async clusterEvent(id: string, data: Buffer): Promise<void> {
        const handler = this.clusterHandlers.get(id);
        if (handler) {
            await handler(data);
        } else {
            this.state.log.debug('Ignored an unknown cluster event', {event: id});
        }
    }
}
