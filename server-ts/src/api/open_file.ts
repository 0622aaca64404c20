// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import {buildActionUrl, type EditorPermission} from '../collabora/action_url';
import {findAction} from '../collabora/discovery_parser';
import type {Services} from '../services';
import {extensionOf} from '../wopi/file_names';
import {issueAccess, wopiSrc} from '../wopi/wopi_src';

import {unavailable} from './api_error';
import {bodyObject, oneOf, sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

export type OpenMode = 'view' | 'edit';
const MODES: readonly OpenMode[] = ['view', 'edit'];

export interface EditorSession {
    actionUrl: string;
    accessToken: string;
    accessTokenTtl: number;
    mode: OpenMode;
    docId: string;
    fileName: string;
    postMessageOrigin: string;
}

const LANG_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

// The first language of Accept-Language that buildActionUrl accepts; none means Collabora
// follows the browser itself.
export function languageOf(header: string | string[] | undefined): string | undefined {
    const raw = Array.isArray(header) ? header[0] : header;
    for (const part of (raw ?? '').split(',')) {
        const tag = part.split(';')[0].trim();
        if (tag !== '*' && LANG_TAG.test(tag)) {
            return tag;
        }
    }
    return undefined;
}

function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return '';
    }
}

// POST /api/v1/files/{fileId}/open: the editor URL and a fresh access token. A user who may not
// edit (or a format Collabora only views) gets a view session instead of an error, so the
// webapp can always show the document.
export function registerOpenFileRoute(app: FastifyInstance, services: Services): void {
    app.post<{Params: {fileId: string}}>('/api/v1/files/:fileId/open', async (request): Promise<EditorSession> => {
        const userId = sessionUser(request);
        const wanted = oneOf(bodyObject(request), 'mode', MODES);
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        const discovery = await services.discovery.get();
        if (!discovery) {
            throw unavailable('COLLABORA_UNAVAILABLE', services.discovery.status().error ?? 'Collabora Online is not available right now.');
        }
        const ext = extensionOf(doc.name);
        const editAction = wanted === 'edit' && rights.decision.access === 'edit' ? findAction(discovery, ext, ['edit']) : null;
        const mode: OpenMode = editAction ? 'edit' : 'view';
        const action = editAction ?? findAction(discovery, ext, ['view', 'view_comment', 'edit']);
        if (!action) {
            throw unavailable('FORMAT_NOT_SUPPORTED', ext ? `Collabora Online cannot open .${ext} files.` : 'Collabora Online cannot open files without an extension.');
        }
        // Opening a view session with the edit action needs Collabora's read-only switch; the
        // view token alone would still let the editor show its editing toolbar.
        const permission: EditorPermission | undefined = mode === 'view' && action.name === 'edit' ? 'readonly' : undefined;
        const built = buildActionUrl({
            urlsrc: action.urlsrc,
            wopiSrc: wopiSrc(services.state.wopiBaseUrl, doc.docId),
            lang: languageOf(request.headers['accept-language']),
            permission,
            closeButton: true,
            revisionHistory: true,
        });
        if (!built.ok) {
            services.state.log.warn('Editor URL could not be built', {doc_id: doc.docId, error: built.error});
            throw unavailable('EDITOR_URL_UNAVAILABLE', 'The editor cannot be opened: the Site URL (or WOPI base URL) and the Collabora Online URL must both be set. Ask your system admin.');
        }
        const access = await issueAccess(services, userId, doc.docId, mode);
        return {
            actionUrl: built.url,
            accessToken: access.token,
            accessTokenTtl: access.ttl,
            mode,
            docId: doc.docId,
            fileName: doc.name,
            postMessageOrigin: originOf(services.state.serverConfig.siteUrl),
        };
    });
}
