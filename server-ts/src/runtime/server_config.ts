// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {PluginApi} from '../mattermost/plugin_api';

// The few Mattermost settings the plugin follows, read again on every configuration change.
export interface ServerConfig {
    siteUrl: string;
    maxFileSize: number;
    // Mattermost's switch for file attachments; off means users may not download files either.
    fileAttachmentsEnabled: boolean;
    // ServiceSettings.TrustedProxyIPHeader: the headers a reverse proxy sets with the client's
    // address; empty when Mattermost is reached directly.
    trustedProxyIpHeaders: string[];
}

export const DEFAULT_SERVER_CONFIG: ServerConfig = {siteUrl: '', maxFileSize: 100 * 1024 * 1024, fileAttachmentsEnabled: true, trustedProxyIpHeaders: []};

type Section = Record<string, unknown> | undefined;

export async function readServerConfig(api: PluginApi): Promise<ServerConfig> {
    const cfg = await api.getConfig();
    const service = cfg.ServiceSettings as Section;
    const files = cfg.FileSettings as Section;
    const maxFileSize = Number(files?.MaxFileSize);
    return {
        siteUrl: String(service?.SiteURL ?? '').replace(/\/+$/, ''),
        maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_SERVER_CONFIG.maxFileSize,
        // Only true counts: the config crosses Mattermost's plugin RPC as gob, which drops
        // zero values, so a *bool set to false arrives as null (Mattermost's own defaults
        // never leave it unset).
        fileAttachmentsEnabled: files?.EnableFileAttachments === true,
        trustedProxyIpHeaders: Array.isArray(service?.TrustedProxyIPHeader) ? service.TrustedProxyIPHeader.filter((h): h is string => typeof h === 'string' && h.trim() !== '').map((h) => h.trim()) : [],
    };
}
