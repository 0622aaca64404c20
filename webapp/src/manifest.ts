// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// plugin.json is the one place the plugin id is written; webpack keeps only the fields read here.
import manifest from '../../plugin.json';

export const pluginId: string = manifest.id;
export const pluginVersion: string = manifest.version;
