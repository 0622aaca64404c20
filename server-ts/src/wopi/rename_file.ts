// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {PassThrough} from 'node:stream';

import type {FastifyRequest} from 'fastify';

import type {Services} from '../services';
import {parseOptionalLock, parseRequestedName} from '../wopi_headers';

import {extensionOf} from './file_names';
import {isValidBaseName} from './file_names';
import {storeRevision} from './store_revision';
import {lockConflict, WopiError} from './wopi_error';
import {requireWrite, type WopiRequestContext} from './wopi_gate';
import {wopiSrc} from './wopi_src';

const invalidName = (message: string): WopiError => new WopiError(400, 'WOPI_INVALID_NAME', message, {'X-WOPI-InvalidFileNameError': message});

// RenameFile gives the document a new name: its current bytes become a new revision under that
// name (Mattermost file names cannot change in place), shown on the post when the editing
// session ends. The document id, and so the WOPISrc, stays the same.
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
    const current = await services.locks.current(ctx.doc.docId);
    if (current !== '' && lock.value !== current) {
        throw lockConflict(current);
    }
    const base = requested.value;
    const ext = extensionOf(ctx.doc.name);
    const name = ext ? `${base}.${ext}` : base;
    if (!isValidBaseName(base) || !isValidBaseName(name)) {
        throw invalidName('The name is empty, too long, or contains characters a file name cannot have.');
    }
    // Collabora may attach the document to a rename request; the stored bytes are used instead.
    request.raw.resume();
    const bytes = services.state.api.getFile(ctx.doc.currentFileId).pipe(new PassThrough());
    const doc = await storeRevision(services, ctx.doc, {stream: bytes, size: ctx.doc.size, release: async () => undefined}, ctx.claims.userId, {name});
    if (doc && current === '') {
        await services.sessions.end(doc.docId);
    }
    return {Name: base, Url: wopiSrc(services.state.wopiBaseUrl, ctx.doc.docId)};
}
