// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyReply} from 'fastify';

// WopiError is a refusal with the status and headers the WOPI spec and Collabora expect. The
// body stays bare (a short sentence), except where Collabora reads JSON (COOLStatusCode).
export class WopiError extends Error {
    constructor(
        readonly status: number,
        readonly code: string,
        message: string,
        readonly headers: Record<string, string> = {},
        readonly jsonBody?: Record<string, unknown>,
    ) {
        super(message);
        this.name = 'WopiError';
    }
}

export const lockConflict = (currentLockId: string, message = 'The document is locked by another session.'): WopiError =>
    new WopiError(409, 'WOPI_LOCK_MISMATCH', message, {'X-WOPI-Lock': currentLockId});

export function sendWopiError(reply: FastifyReply, err: WopiError): FastifyReply {
    reply.code(err.status);
    for (const [name, value] of Object.entries(err.headers)) {
        reply.header(name, value);
    }
    if (err.jsonBody) {
        return reply.type('application/json').send(JSON.stringify(err.jsonBody));
    }
    return reply.type('text/plain; charset=utf-8').send(err.message);
}
