// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyReply} from 'fastify';

import {DocumentNotFoundError} from '../documents/document_store';
import {KvConflictError} from '../kv/json_kv';
import type {Logger} from '../logger';
import {MattermostError} from '../mattermost/plugin_api';
import {WopiError} from '../wopi/wopi_error';

// ApiError is a refusal the webapp can act on: a status, a stable SCREAMING_SNAKE code and a
// sentence a user may read. Everything else that goes wrong becomes a 500 whose cause stays in
// the log, never in the response.
export class ApiError extends Error {
    constructor(readonly status: number, readonly code: string, message: string) {
        super(message);
        this.name = 'ApiError';
    }
}

export const badRequest = (code: string, message: string): ApiError => new ApiError(400, code, message);
export const forbidden = (code: string, message: string): ApiError => new ApiError(403, code, message);
export const conflict = (code: string, message: string): ApiError => new ApiError(409, code, message);
export const unavailable = (code: string, message: string): ApiError => new ApiError(503, code, message);

// One answer for unknown files and files the user may not view, so the API never tells a
// stranger that a document exists.
export const fileNotFound = (): ApiError => new ApiError(404, 'FILE_NOT_FOUND', 'This file does not exist or you do not have access to it.');

const fastifyStatus = (err: unknown): number | null => {
    if (typeof err === 'object' && err !== null && 'statusCode' in err) {
        const status = (err as {statusCode: unknown}).statusCode;
        return typeof status === 'number' ? status : null;
    }
    return null;
};

// toApiError maps every failure of the API group to the answer it gets; it is the only place
// that decides statuses for the group.
export function toApiError(err: unknown, log: Logger, route: string): ApiError {
    if (err instanceof ApiError) {
        return err;
    }
    if (err instanceof DocumentNotFoundError) {
        return fileNotFound();
    }
    if (err instanceof WopiError && err.status < 500) {
        // Raised by shared helpers such as storeRevision (e.g. a revision too large to copy).
        return new ApiError(err.status, err.code, err.message);
    }
    if (err instanceof MattermostError && err.statusCode === 413) {
        return new ApiError(413, 'FILE_TOO_LARGE', 'The file is larger than Mattermost allows.');
    }
    if (err instanceof KvConflictError) {
        return conflict('BUSY', 'Too many changes happened at once. Please try again.');
    }
    const status = fastifyStatus(err);
    if (!(err instanceof MattermostError) && status === 413) {
        return new ApiError(413, 'BODY_TOO_LARGE', 'The request body is too large.');
    }
    if (!(err instanceof MattermostError) && status !== null && status >= 400 && status < 500) {
        // Raised by fastify itself before our handler ran: the JSON parser, mostly.
        const invalidJson = err instanceof Error && /JSON/.test(err.message);
        return invalidJson ? badRequest('INVALID_JSON', 'The request body is not valid JSON.') : badRequest('BAD_REQUEST', 'The request could not be read.');
    }
    log.error('API request failed', {route, error: err instanceof Error ? err.message : String(err)});
    return new ApiError(500, 'INTERNAL', 'Something went wrong on the server. Please try again, or ask your system admin to check the server log.');
}

export function sendApiError(reply: FastifyReply, err: ApiError): FastifyReply {
    return reply.code(err.status).type('application/json; charset=utf-8').send(JSON.stringify({error: err.message, code: err.code}));
}
