// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {DocumentNotFoundError} from '../documents/document_store';
import {fileKey, isMattermostId, type DocumentRecord} from '../documents/document_record';
import {MattermostError} from '../mattermost/plugin_api';
import type {Rights} from '../rights/access_answers';
import {gatherDocumentAccess} from '../rights/document_access';
import type {Services} from '../services';

import {fileNotFound} from './api_error';

export interface VisibleDocument {
    doc: DocumentRecord;
    rights: Rights;
}

// visibleDocument finds the document behind any of its Mattermost file ids, with the user's
// rights computed just now (two bridge round trips once the document is known: the file's
// mapping, then the gathered facts). Unknown files and files the user may not view get the same 404, so
// nothing about a document (not even that it exists) leaks to someone outside its channel.
export async function visibleDocument(services: Services, userId: string, fileId: string): Promise<VisibleDocument> {
    // Any revision's file id maps to its document; the first one is the document's own id.
    const mapped = isMattermostId(fileId) ? await services.state.api.kvGet(fileKey(fileId)) : null;
    const found = await gatherDocumentAccess(services, userId, mapped ? mapped.toString('utf8') : fileId);
    if (found === 'absent' && !mapped) {
        // A posted file opened for the first time: its record is made from the file and its post.
        return firstVisit(services, userId, fileId);
    }
    if (typeof found === 'string' || found.rights.decision.access === 'none') {
        throw fileNotFound();
    }
    return found;
}

async function firstVisit(services: Services, userId: string, fileId: string): Promise<VisibleDocument> {
    let doc: DocumentRecord | null;
    try {
        doc = await services.live.confirm(await services.documents.resolve(fileId));
    } catch (err) {
        // A file whose post is gone answers 404 from getPost while the record is first built.
        if (err instanceof DocumentNotFoundError || (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400))) {
            throw fileNotFound();
        }
        throw err;
    }
    if (!doc) {
        throw fileNotFound();
    }
    const rights = await services.access.rights(userId, doc);
    if (rights.decision.access === 'none') {
        throw fileNotFound();
    }
    return {doc, rights};
}
