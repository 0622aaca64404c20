// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {buildActionUrl, type EditorPermission} from '../collabora/action_url';
import {findAction} from '../collabora/discovery_parser';
import type {DocumentRecord} from '../documents/document_record';
import type {Rights} from '../rights/access_service';
import type {Services} from '../services';
import {extensionOf} from '../wopi/file_names';
import {issueAccess, wopiSrc} from '../wopi/wopi_src';

import {unavailable} from './api_error';

// Shared by the webapp's open route and the one-time link page: both hand the browser the
// editor URL and a fresh access token for a document the caller has just checked rights on.

export type OpenMode = 'view' | 'edit';

export interface EditorSession {
    actionUrl: string;
    accessToken: string;
    accessTokenTtl: number;
    mode: OpenMode;
    docId: string;
    fileName: string;
    postMessageOrigin: string;
}

export interface EditorSessionOptions {
    lang?: string;
    // Only a host page that answers UI_Close / UI_FileVersions asks for these.
    closeButton: boolean;
    revisionHistory: boolean;
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

// editorSession gives a view session when the user may not edit (or Collabora only views the
// format), so a document the user may see always opens. Failures are ApiErrors (503).
export async function editorSession(services: Services, userId: string, doc: DocumentRecord, rights: Rights, wanted: OpenMode, options: EditorSessionOptions): Promise<EditorSession> {
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
    // Discovery may come from the internal URL; browsers only ever get the public one.
    const built = buildActionUrl({
        urlsrc: action.urlsrc,
        publicCollaboraUrl: services.state.settings.collaboraUrl,
        wopiSrc: wopiSrc(services.state.wopiBaseUrl, doc.docId),
        lang: options.lang,
        permission,
        closeButton: options.closeButton,
        revisionHistory: options.revisionHistory,
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
}
