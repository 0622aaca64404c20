// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import {revisionMatches} from '../documents/document_record';
import type {Services} from '../services';
import {storeRevision} from '../wopi/store_revision';

import {ApiError, conflict, forbidden} from './api_error';
import {sessionUser} from './request_input';
import {displayNameOf} from './user_names';
import {visibleDocument} from './visible_document';

export interface RevisionEntry {
    fileId: string;
    size: number;
    createdAt: number;
    userId: string;
    userDisplayName: string;
    current: boolean;
    // The id the revision had while a post showed it, when its bytes now live in a copy.
    originalFileId?: string;
}

async function displayNames(services: Services, userIds: string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    await Promise.all([...new Set(userIds)].filter(Boolean).map(async (id) => {
        try {
            names.set(id, displayNameOf(await services.state.api.getUser(id)));
        } catch {
            // A deleted account still leaves its revisions; the webapp shows them unnamed.
            names.set(id, '');
        }
    }));
    return names;
}

const revisionNotFound = (): ApiError => new ApiError(404, 'REVISION_NOT_FOUND', 'This revision is not part of the document, or it was deleted.');

type RevisionParams = {Params: {fileId: string; revisionFileId: string}};

export function registerRevisionRoutes(app: FastifyInstance, services: Services): void {
    app.get<{Params: {fileId: string}}>('/api/v1/files/:fileId/revisions', async (request) => {
        const userId = sessionUser(request);
        const {doc} = await visibleDocument(services, userId, request.params.fileId);
        const names = await displayNames(services, doc.revisions.map((r) => r.userId));
        const revisions: RevisionEntry[] = [...doc.revisions].sort((a, b) => b.version - a.version).map((r) => ({
            fileId: r.fileId,
            size: r.size,
            createdAt: r.createdAt,
            userId: r.userId,
            userDisplayName: names.get(r.userId) ?? '',
            current: r.fileId === doc.currentFileId,
            ...(r.originalFileId ? {originalFileId: r.originalFileId} : {}),
        }));
        return {revisions};
    });

    // Restoring copies an old revision's bytes as the newest revision: history only grows, so a
    // restore can itself be undone. While an editing session is open, Collabora holds the
    // document in memory and would overwrite the restore on its next save, hence 409.
    app.post<RevisionParams>('/api/v1/files/:fileId/revisions/:revisionFileId/restore', async (request) => {
        const userId = sessionUser(request);
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        if (rights.decision.access !== 'edit') {
            throw forbidden(rights.decision.code, rights.decision.reason);
        }
        const revision = doc.revisions.find((r) => revisionMatches(r, request.params.revisionFileId));
        if (!revision) {
            throw revisionNotFound();
        }
        if ((await services.locks.current(doc.docId)) !== '') {
            throw conflict('DOCUMENT_LOCKED', 'The document is open in Collabora Online. Restore it once everyone has closed it.');
        }
        if (revision.fileId === doc.currentFileId) {
            return {fileId: doc.currentFileId};
        }
        let size: number;
        try {
            size = (await services.state.api.getFileInfo(revision.fileId)).size;
        } catch {
            throw revisionNotFound();
        }
        const body = {stream: services.state.api.getFile(revision.fileId), size, release: async () => undefined};
        // expectLastModified: a save that slipped in since we read the record wins; the
        // restore is refused rather than silently put on top of it.
        const stored = await storeRevision(services, doc, body, userId, {expectLastModified: doc.lastModified, save: 'restore'});
        if (!stored) {
            throw conflict('DOCUMENT_CHANGED', 'The document changed while it was being restored. Please try again.');
        }
        const ended = await services.sessions.end(doc.docId);
        return {fileId: ended.currentFileId};
    });
}
