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
// UnlockAndRelock. Only a user who may edit right now may lock.
export async function lock(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<void> {
    requireWrite(ctx);
    const lockId = requiredLock(request);
    const old = parseOldLock(request.headers['x-wopi-oldlock']);
    if (!old.ok) {
        throw new WopiError(400, old.error.code, old.error.message);
    }
    if (old.value !== null) {
        const outcome = await services.locks.unlockAndRelock(ctx.doc.docId, old.value, lockId);
        if (!outcome.ok) {
            throw lockConflict(outcome.currentLockId);
        }
        return;
    }
    // A session whose lock expired without an Unlock ended then: publish its revision first.
    await services.sessions.endIfIdle(ctx.doc);
    const outcome = await services.locks.lock(ctx.doc.docId, lockId);
    if (!outcome.ok) {
        throw lockConflict(outcome.currentLockId);
    }
}

export async function unlock(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<void> {
    requireWrite(ctx);
    const outcome = await services.locks.unlock(ctx.doc.docId, requiredLock(request));
    if (!outcome.ok) {
        throw lockConflict(outcome.currentLockId);
    }
    // Collabora unlocks when the last editor leaves: the editing session has ended.
    await services.sessions.end(ctx.doc.docId);
}

export async function refreshLock(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<void> {
    requireWrite(ctx);
    const outcome = await services.locks.refresh(ctx.doc.docId, requiredLock(request));
    if (!outcome.ok) {
        throw lockConflict(outcome.currentLockId);
    }
}

export async function getLock(services: Services, ctx: WopiRequestContext): Promise<string> {
    return services.locks.current(ctx.doc.docId);
}
