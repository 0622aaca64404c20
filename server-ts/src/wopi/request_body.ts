// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createReadStream, createWriteStream} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Transform, type Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';

import type {FastifyRequest} from 'fastify';

import {WopiError} from './wopi_error';

export interface SizedBody {
    stream: Readable;
    size: number;
    // Removes any temporary copy; call when done.
    release: () => Promise<void>;
}

export const tooLarge = (max: number): WopiError => new WopiError(413, 'WOPI_TOO_LARGE', `The document is larger than Mattermost's maximum file size (${max} bytes).`);

// sizedBody returns the request body with its exact size, refusing bodies over max before
// reading them. Mattermost's streaming upload needs the size up front; Collabora always sends
// Content-Length, and a body without one is spooled to a temporary file, never held in memory.
export async function sizedBody(request: FastifyRequest, max: number): Promise<SizedBody> {
    const declared = request.headers['content-length'];
    if (declared !== undefined) {
        const size = Number(declared);
        if (!Number.isSafeInteger(size) || size < 0) {
            throw new WopiError(400, 'WOPI_BAD_LENGTH', 'Content-Length is not a valid size.');
        }
        if (size > max) {
            throw tooLarge(max);
        }
        return {stream: request.raw, size, release: async () => undefined};
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'collabora-put-'));
    const file = path.join(dir, 'body');
    let size = 0;
    const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
            size += chunk.length;
            done(size > max ? tooLarge(max) : null, chunk);
        },
    });
    try {
        await pipeline(request.raw, counter, createWriteStream(file));
    } catch (err) {
        await rm(dir, {recursive: true, force: true});
        throw err;
    }
    return {stream: createReadStream(file), size, release: () => rm(dir, {recursive: true, force: true})};
}
