// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import type {Services} from '../services';
import {parseOptionalLock, parseRequestedName} from '../wopi_headers';

import {extensionOf} from './file_names';
import {isValidBaseName} from './file_names';
import {lockConflict, WopiError} from './wopi_error';
import {requireWrite, type WopiRequestContext} from './wopi_gate';
import {wopiSrc} from './wopi_src';

const invalidName = (message: string): WopiError => new WopiError(400, 'WOPI_INVALID_NAME', message, {'X-WOPI-InvalidFileNameError': message});

// RenameFile gives the document a new name and changes nothing else: not its content, not its
// LastModifiedTime, which Collabora does not update after a rename (COOL:wsd/DocumentBroker.cpp
// reloads every view after it), so its next save with the timestamp it holds must still pass.
// Mattermost file names cannot change in place: the current revision is stored under the new
// name when the post is next given the document (session_ender.ts), unless a save did it first.
// The document id, and so the WOPISrc, stays the same.
export async function renameFile(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<{Name: string; Url: string}> {
    requireWrite(ctx);
    const lock = parseOptionalLock(request.headers['x-wopi-lock']);
    if (!lock.ok) {
        throw new WopiError(400, lock.error.code, lock.error.message);
    }
    const requested = parseRequestedName(request.headers['x-wopi-requestedname']);
    if (!requested.ok) {
        throw invalidName(requested.error.message);
    }
    // Locked by another id: 409. Unlocked: allowed. The lapsed lock's id takes it back.
    const held = lock.value === null ? null : await services.locks.holds(ctx.doc.docId, lock.value, ctx.claims.userId);
    const current = held === null ? await services.locks.current(ctx.doc.docId) : held.ok ? (lock.value ?? '') : held.currentLockId;
    if (current !== '' && current !== lock.value) {
        throw lockConflict(current);
    }
    const base = requested.value;
    const ext = extensionOf(ctx.doc.name);
    const name = ext ? `${base}.${ext}` : base;
    if (!isValidBaseName(base) || !isValidBaseName(name)) {
        throw invalidName('The name is empty, too long, or contains characters a file name cannot have.');
    }
    // Collabora may attach the document to a rename request; nothing of it is used.
    request.raw.resume();
    const doc = await services.documents.rename(ctx.doc.docId, name);
    if (current === '') {
        await services.sessions.endSafely(doc.docId);
    }
    return {Name: base, Url: wopiSrc(services.state.wopiBaseUrl, ctx.doc.docId)};
}
