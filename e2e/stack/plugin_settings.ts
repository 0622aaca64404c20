// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Changing plugin settings as the System Console does: read the whole config, change the
// plugin's entry, PUT it back. Mattermost stores plugin setting keys in lower case.

import type {MattermostClient} from './mm_client';

interface ConfigWithPlugins {
    PluginSettings: {Plugins: Record<string, Record<string, unknown>>};
}

export async function setPluginSettings(admin: MattermostClient, pluginId: string, settings: Record<string, unknown>): Promise<void> {
    const config = await admin.request<ConfigWithPlugins>('GET', '/api/v4/config');
    const plugins = config.PluginSettings.Plugins;
    const lowered = Object.fromEntries(Object.entries(settings).map(([k, v]) => [k.toLowerCase(), v]));
    plugins[pluginId] = {...plugins[pluginId], ...lowered};
    await admin.request('PUT', '/api/v4/config', {body: config});
}
