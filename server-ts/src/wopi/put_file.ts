// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import {REVISION_UPLOADER, type SaveKind} from '../documents/document_record';
import {removeRevisionContent} from '../documents/revision_content';
import {UPLOAD_MARKER_PREFIX} from '../documents/upload_markers';
import type {Services} from '../services';
import {bridgeContext, type BridgeContext, type StoreBodyDirective} from '../http/bridge_headers';
import {checkCoolTimestamp, formatLastModifiedTime, parseCoolSaveFlags, parseCoolTimestamp, parseOptionalLock, type CoolSaveFlags} from '../wopi_headers';

import {sizedBody, tooLarge} from './request_body';
import {lockConflict, WopiError} from './wopi_error';
import {requireWrite, type WopiRequestContext} from './wopi_gate';
import {recordRevision, storeRevision} from './store_revision';

const mattermostTooLarge = (): WopiError => new WopiError(413, 'WOPI_TOO_LARGE', 'The document is larger than Mattermost allows.');
const staleTimestamp = (): WopiError => new WopiError(409, 'COOL_TIMESTAMP_STALE', 'The document changed in storage since it was loaded.', {}, {COOLStatusCode: 1010});

export type PutFileAnswer = {saved: {lastModified: string; version: number}} | {storeBody: StoreBodyDirective};

// PutFile stores the body as a new revision and makes it the current content at once. Order
// (wopi-collabora.md 3.5): rights, Collabora's timestamp check, the lock rules, the size, then
// the write. A refused or failed save leaves the stored document exactly as it was.
// Behind the shim the body never reaches Node (build/shim/store_body.go): the head arrives
// first (canStoreBody), every check runs, and the answer asks the shim to store the body; the
// same head then arrives again with the stored file (or the failure), every check runs again,
// and the revision is recorded. A file stored for a save refused the second time has its bytes
// removed. An upload marker (documents/upload_markers.ts) rides in the directive, so a node
// that stops between the two passes leaves the cleanup job a way to the stored file.
export async function putFile(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<PutFileAnswer> {
    const bridge = bridgeContext(request.headers, request.url);
    const stored = bridge.storedFile;
    // The marker of a body the shim stored (or failed to) goes once its file is recorded or
    // removed; it stays, for the cleanup job, only when removing a refused file failed.
    let keepMarker = false;
    try {
        return await checkedPut(services, ctx, request, bridge);
    } catch (err) {
        if (stored) {
            keepMarker = !(await discardStored(services, stored.id, ctx.doc.channelId));
        }
        throw err;
    } finally {
        if (bridge.uploadMarker !== null && bridge.uploadMarker.startsWith(`${UPLOAD_MARKER_PREFIX}${ctx.doc.docId}:`) && !keepMarker) {
            await services.uploads.end(bridge.uploadMarker);
        }
    }
}

async function checkedPut(services: Services, ctx: WopiRequestContext, request: FastifyRequest, bridge: BridgeContext): Promise<PutFileAnswer> {
    requireWrite(ctx);
    const get = (name: string) => request.headers[name];
    const flags = parseCoolSaveFlags(get);
    const stamp = parseCoolTimestamp(get('x-cool-wopi-timestamp'), get('x-lool-wopi-timestamp'));
    const lock = parseOptionalLock(get('x-wopi-lock'));
    for (const parsed of [flags, stamp, lock]) {
        if (!parsed.ok) {
            throw new WopiError(400, parsed.error.code, parsed.error.message);
        }
    }
    const sentStamp = stamp.ok ? stamp.value : null;
    if (checkCoolTimestamp(sentStamp, ctx.doc.lastModified) === 'conflict') {
        throw staleTimestamp();
    }
    const sentLock = lock.ok ? lock.value : null;
    const locked = await saveMayLock(services, ctx, sentLock);
    const max = services.state.serverConfig.maxFileSize;
    if (bridge.storeFailed !== null) {
        throw bridge.storeFailed === 413 ? mattermostTooLarge() : new WopiError(500, 'WOPI_INTERNAL', `The document could not be stored at ${formatLastModifiedTime(services.now())}; nothing was changed.`);
    }
    if (bridge.canStoreBody !== null && !bridge.storedFile) {
        if (bridge.canStoreBody > max) {
            throw tooLarge(max);
        }
        // The shim hands the directive back with the stored file; its marker ends there.
        const marker = await services.uploads.begin(ctx.doc, ctx.doc.name);
        return {storeBody: {user_id: REVISION_UPLOADER, channel_id: ctx.doc.channelId, filename: ctx.doc.name, file_size: bridge.canStoreBody, marker}};
    }
    const record = {expectLastModified: sentStamp === null ? undefined : ctx.doc.lastModified, save: saveKind(flags.ok ? flags.value : null)};
    let doc;
    if (bridge.storedFile) {
        const info = bridge.storedFile;
        if (info.channel_id !== ctx.doc.channelId) {
            throw new WopiError(500, 'WOPI_INTERNAL', 'The stored file is not in the document\'s channel; nothing was changed.');
        }
        doc = await recordRevision(services, ctx.doc, info, ctx.claims.userId, record, info.name);
    } else {
        const body = await sizedBody(request, max);
        try {
            doc = await storeRevision(services, ctx.doc, body, ctx.claims.userId, record);
        } finally {
            await body.release();
        }
    }
    if (!doc) {
        throw staleTimestamp();
    }
    if (flags.ok && flags.value.isExitSave && !locked) {
        await services.sessions.endSafely(doc.docId);
    }
    // A newer save may make the session's earlier autosave one to thin; Collabora need not wait.
    void services.pruner.pruneSafely(doc.docId);
    return {saved: {lastModified: doc.lastModified, version: doc.version}};
}

// discardStored removes the bytes of a file stored for a save that was then refused: nothing
// shows it. Best effort: on a failure the upload marker stays, for the cleanup job.
async function discardStored(services: Services, fileId: string, channelId: string): Promise<boolean> {
    try {
        await removeRevisionContent(services.state.api, services.state.log, fileId, channelId);
        return true;
    } catch (err) {
        services.state.log.warn('The file of a refused save could not be removed', {fileId, error: err instanceof Error ? err.message : String(err)});
        return false;
    }
}

// saveMayLock applies the lock rules of a save (wopi-collabora.md 7) and tells whether the
// document is locked by the saving session. The lock id that last held the document takes it
// back when it lapsed unrefreshed and nobody took it since (lock_store.ts says why). An unlocked
// document may be saved only while it is empty.
async function saveMayLock(services: Services, ctx: WopiRequestContext, sentLock: string | null): Promise<boolean> {
    const {docId} = ctx.doc;
    if (sentLock !== null) {
        const held = await services.locks.holds(docId, sentLock, ctx.claims.userId);
        if (held.ok) {
            return true;
        }
        if (held.currentLockId !== '' || ctx.doc.size > 0) {
            throw lockConflict(held.currentLockId);
        }
        return false;
    }
    const current = await services.locks.current(docId);
    if (current !== '' || ctx.doc.size > 0) {
        throw lockConflict(current);
    }
    return false;
}

// saveKind records why Collabora saved, so retention can keep what a person would want back.
function saveKind(flags: CoolSaveFlags | null): SaveKind {
    if (flags?.isExitSave) {
        return 'exit';
    }
    if (flags?.isAutosave) {
        return 'autosave';
    }
    return flags?.isModifiedByUser ? 'user' : 'other';
}
