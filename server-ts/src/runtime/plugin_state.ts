// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash} from 'node:crypto';

import {parseSettings, type Settings} from '../config/settings';
import type {Logger} from '../logger';
import type {PluginApi} from '../mattermost/plugin_api';

import type {CompatReport} from './server_compat';
import {DEFAULT_SERVER_CONFIG, readServerConfig, type ServerConfig} from './server_config';

// PluginState is what the sidecar's parts share: the Plugin API, the current settings and the
// logger. Settings change only through OnConfigurationChange; everything that matters beyond a
// cache lives in Mattermost (KV store, posts, files), never here.
export class PluginState {
    private current: Settings = parseSettings({});
    private currentHash = hashSettings({});
    private raw: Record<string, unknown> = {};
    private readonly listeners: Array<(s: Settings) => void> = [];
    private server: ServerConfig = DEFAULT_SERVER_CONFIG;
    readonly startedAt = Date.now();
    // The last activation's server check (runtime/server_compat.ts); null before the first.
    compat: CompatReport | null = null;

    constructor(readonly api: PluginApi, readonly log: Logger, readonly version: string) {}

    get settings(): Settings {
        return this.current;
    }

    // A short digest of the settings, so an admin or a test can tell which revision a node runs.
    get settingsHash(): string {
        return this.currentHash;
    }

    // The settings as Mattermost stores them, 1.x keys included.
    get rawSettings(): Record<string, unknown> {
        return this.raw;
    }

    applyConfiguration(raw: Record<string, unknown>): void {
        this.raw = {...raw};
        this.current = parseSettings(raw);
        this.currentHash = hashSettings(raw);
        for (const listener of this.listeners) {
            listener(this.current);
        }
    }

    get serverConfig(): ServerConfig {
        return this.server;
    }

    async refreshServerConfig(): Promise<void> {
        this.server = await readServerConfig(this.api);
    }

    // The base URL Collabora calls back to: the WOPI base URL setting, else the Site URL.
    get wopiBaseUrl(): string {
        return this.current.wopiBaseUrl || this.server.siteUrl;
    }

    onSettingsChange(listener: (s: Settings) => void): void {
        this.listeners.push(listener);
    }

    uptimeSeconds(): number {
        return (Date.now() - this.startedAt) / 1000;
    }
}

function hashSettings(raw: Record<string, unknown>): string {
    const sorted = Object.keys(raw).sort().map((k) => [k.toLowerCase(), raw[k]]);
    return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 12);
}
