// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {Services} from '../services';

import {formatsOf, previewExtensions, type FormatSupport} from './format_support';
import {sessionUser} from './request_input';

export interface ClientConfig {
    collaboraUrl: string;
    configured: boolean;
    formats: Record<string, FormatSupport>;
    previewExtensions: string[];
    newDocumentFormat: 'ooxml' | 'odf';
    editSummaries: boolean;
    error?: string;
}

// GET /api/v1/client_config: what the webapp needs before it shows any Collabora surface.
// When discovery is unavailable the webapp gets no formats, so it offers nothing that would
// fail, and the reason, so an admin can see why.
export async function clientConfig(services: Services): Promise<ClientConfig> {
    const settings = services.state.settings;
    const base = {
        collaboraUrl: settings.collaboraUrl,
        configured: settings.collaboraUrl !== '',
        newDocumentFormat: settings.newDocumentFormat,
        editSummaries: settings.editSummaries,
    };
    const discovery = await services.discovery.get();
    if (!discovery) {
        const error = services.discovery.status().error ?? 'Collabora Online is not available.';
        return {...base, formats: {}, previewExtensions: [], error};
    }
    const formats = formatsOf(discovery);
    return {...base, formats, previewExtensions: previewExtensions(settings.previewFormats, formats)};
}

export function registerClientConfigRoute(app: FastifyInstance, services: Services): void {
    app.get('/api/v1/client_config', async (request) => {
        sessionUser(request);
        return clientConfig(services);
    });
}
