// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {LinkMode} from '../links/link_codes';
import {issueLink, SiteUrlMissingError} from '../links/link_urls';
import type {Services} from '../services';

import {unavailable} from './api_error';
import {bodyObject, oneOf, sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

const MODES: readonly LinkMode[] = ['view', 'edit'];

// POST /api/v1/files/{fileId}/link {mode?}: a one-time link (60 s) that opens the document in
// any browser tab, for the editor's "Open in a new tab". Without a mode the link opens the
// best the user may do; a user who may not edit gets a view link rather than an error, as
// with /open.
export function registerLinkCreateRoute(app: FastifyInstance, services: Services): void {
    app.post<{Params: {fileId: string}}>('/api/v1/files/:fileId/link', async (request): Promise<{url: string}> => {
        const userId = sessionUser(request);
        const body = bodyObject(request);
        const wanted: LinkMode = body.mode === undefined || body.mode === null ? 'edit' : oneOf(body, 'mode', MODES);
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        const mode: LinkMode = wanted === 'edit' && rights.decision.access === 'edit' ? 'edit' : 'view';
        try {
            return {url: await issueLink(services, userId, doc.docId, mode)};
        } catch (err) {
            if (err instanceof SiteUrlMissingError) {
                throw unavailable('SITE_URL_MISSING', err.message);
            }
            throw err;
        }
    });
}
