// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import type {Services} from '../services';
import {parseOldLock, parseRequiredLock} from '../wopi_headers';

import {lockConflict, WopiError} from './wopi_error';
import {requireWrite, type WopiRequestContext} from './wopi_gate';

function requiredLock(request: FastifyRequest): string {
    const lock = parseRequiredLock(request.headers['x-wopi-lock']);
    if (!lock.ok) {
        throw new WopiError(400, lock.error.code, lock.error.message);
    }
    return lock.value;
}

// Lock takes the document for an editing session, or refreshes the lock when it is the current
// one (Collabora refreshes by locking again every 15 minutes). With X-WOPI-OldLock it is
// UnlockAndRelock. Taking the document needs a user who may edit right now; refreshing needs
// only a valid token of the document, since only Collabora knows lock ids and it refreshes from
// the session it prefers, the owner's, even a read-only one (COOL:wsd/DocumentBroker.cpp,
// getWriteableSession).
export async function lock(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<void> {
    const lockId = requiredLock(request);
    const old = parseOldLock(request.headers['x-wopi-oldlock']);
    if (!old.ok) {
        throw new WopiError(400, old.error.code, old.error.message);
    }
    const {docId} = ctx.doc;
    const userId = ctx.claims.userId;
    if (old.value !== null) {
        requireWrite(ctx);
        const outcome = await services.locks.unlockAndRelock(docId, old.value, lockId, userId);
        if (!outcome.ok) {
            throw lockConflict(outcome.currentLockId);
        }
        return;
    }
    // The same id refreshes the lock, or takes it back after it lapsed unrefreshed.
    if ((await services.locks.refresh(docId, lockId, userId)).ok) {
        return;
    }
    requireWrite(ctx);
    // A session whose lock expired without an Unlock ended then: publish its revision first.
    await services.sessions.endIfIdleSafely(ctx.doc);
    const outcome = await services.locks.lock(docId, lockId, userId);
    if (!outcome.ok) {
        throw lockConflict(outcome.currentLockId);
    }
}

// Unlock and RefreshLock present the current lock id, which only Collabora knows: any valid
// token of the document may send them.
export async function unlock(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<void> {
    const outcome = await services.locks.unlock(ctx.doc.docId, requiredLock(request));
    if (!outcome.ok) {
        // The lock lapsed before Collabora let go of it: the session is over all the same.
        if (outcome.currentLockId === '') {
            await services.sessions.endIfIdleSafely(ctx.doc);
        }
        throw lockConflict(outcome.currentLockId);
    }
    // Collabora unlocks when the last editor leaves: the editing session has ended.
    await services.sessions.endSafely(ctx.doc.docId);
}

export async function refreshLock(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<void> {
    const outcome = await services.locks.refresh(ctx.doc.docId, requiredLock(request), ctx.claims.userId);
    if (!outcome.ok) {
        throw lockConflict(outcome.currentLockId);
    }
}

export async function getLock(services: Services, ctx: WopiRequestContext): Promise<string> {
    return services.locks.current(ctx.doc.docId);
}
