// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import type {SaveKind} from '../documents/document_record';
import type {Services} from '../services';
import {checkCoolTimestamp, parseCoolSaveFlags, parseCoolTimestamp, parseOptionalLock, type CoolSaveFlags} from '../wopi_headers';

import {sizedBody} from './request_body';
import {lockConflict, WopiError} from './wopi_error';
import {requireWrite, type WopiRequestContext} from './wopi_gate';
import {storeRevision} from './store_revision';

const staleTimestamp = (): WopiError => new WopiError(409, 'COOL_TIMESTAMP_STALE', 'The document changed in storage since it was loaded.', {}, {COOLStatusCode: 1010});

// PutFile stores the body as a new revision and makes it the current content at once. Order
// (wopi-collabora.md 3.5): rights, Collabora's timestamp check, the lock rules, the size, then
// the write. A refused or failed save leaves the stored document exactly as it was.
export async function putFile(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<{lastModified: string; version: number}> {
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
    const body = await sizedBody(request, services.state.serverConfig.maxFileSize);
    try {
        const doc = await storeRevision(services, ctx.doc, body, ctx.claims.userId, {expectLastModified: sentStamp === null ? undefined : ctx.doc.lastModified, save: saveKind(flags.ok ? flags.value : null)});
        if (!doc) {
            throw staleTimestamp();
        }
        if (flags.ok && flags.value.isExitSave && !locked) {
            await services.sessions.endSafely(doc.docId);
        }
        // A newer save may make the session's earlier autosave one to thin; Collabora need not wait.
        void services.pruner.pruneSafely(doc.docId);
        return {lastModified: doc.lastModified, version: doc.version};
    } finally {
        await body.release();
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
