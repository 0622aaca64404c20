// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash} from 'node:crypto';

import {parseSettings, type Settings} from '../config/settings';
import type {Logger} from '../logger';
import type {PluginApi} from '../mattermost/plugin_api';

// PluginState is what the sidecar's parts share: the Plugin API, the current settings and the
// logger. Settings change only through OnConfigurationChange; everything that matters beyond a
// cache lives in Mattermost (KV store, posts, files), never here.
export class PluginState {
    private current: Settings = parseSettings({});
    private currentHash = hashSettings({});
    private readonly listeners: Array<(s: Settings) => void> = [];
    readonly startedAt = Date.now();

    constructor(readonly api: PluginApi, readonly log: Logger, readonly version: string) {}

    get settings(): Settings {
        return this.current;
    }

    // A short digest of the settings, so an admin or a test can tell which revision a node runs.
    get settingsHash(): string {
        return this.currentHash;
    }

    applyConfiguration(raw: Record<string, unknown>): void {
        this.current = parseSettings(raw);
        this.currentHash = hashSettings(raw);
        for (const listener of this.listeners) {
            listener(this.current);
        }
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
