// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {DocumentRecord} from '../documents/document_record';
import type {LockState} from '../locks/lock_store';
import type {Rights} from '../rights/access_service';
import type {Services} from '../services';

import {forbidden} from './api_error';
import {sessionUser} from './request_input';
import {displayNameOf} from './user_names';
import {visibleDocument} from './visible_document';

// What the editor shows about the WOPI lock: when Collabora crashes, its lock keeps every new
// editing session read-only until it lapses (up to 30 minutes). contested says that another
// Collabora session was refused the lock while this one held it: the holder is probably gone.
export interface LockView {
    locked: boolean;
    holderId?: string;
    holderName?: string;
    since?: number;
    contested: boolean;
    canRelease: boolean;
}

async function lockView(services: Services, lock: LockState | null, rights: Rights): Promise<LockView> {
    const canRelease = rights.change.allowed;
    if (!lock) {
        return {locked: false, contested: false, canRelease};
    }
    let holderName: string | undefined;
    if (lock.userId) {
        try {
            holderName = displayNameOf(await services.state.api.getUser(lock.userId));
        } catch {
            // A removed user: the editor says "someone".
        }
    }
    return {locked: true, holderId: lock.userId || undefined, holderName, since: lock.lockedAt || undefined, contested: lock.contested, canRelease};
}

// releaseLock ends whatever Collabora session holds the document: its next save gets 409, and
// the post is given the newest revision now.
export async function releaseLock(services: Services, doc: DocumentRecord, byUserId: string): Promise<LockState | null> {
    const released = await services.locks.release(doc.docId);
    if (released) {
        services.state.log.info('WOPI lock released from Mattermost', {doc_id: doc.docId, by: byUserId, holder: released.userId, locked_at: released.lockedAt});
        await services.sessions.endSafely(doc.docId);
        await services.state.api.publishWebSocketEvent('lock_released', {doc_id: doc.docId, post_id: doc.postId}, {channelId: doc.channelId});
    }
    return released;
}

type FileParams = {Params: {fileId: string}};

export function registerFileLockRoutes(app: FastifyInstance, services: Services): void {
    app.get<FileParams>('/api/v1/files/:fileId/lock', async (request) => {
        const {doc, rights} = await visibleDocument(services, sessionUser(request), request.params.fileId);
        return lockView(services, await services.locks.state(doc.docId), rights);
    });

    // The document's owner, channel admins and system admins (who may choose its edit policy)
    // may release a lock that keeps everyone read-only.
    app.delete<FileParams>('/api/v1/files/:fileId/lock', async (request) => {
        const userId = sessionUser(request);
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        if (!rights.change.allowed) {
            throw forbidden('LOCK_RELEASE_NOT_ALLOWED', 'Only the document\'s owner, channel admins and system admins can release its lock.');
        }
        await releaseLock(services, doc, userId);
        return lockView(services, await services.locks.state(doc.docId), rights);
    });
}
