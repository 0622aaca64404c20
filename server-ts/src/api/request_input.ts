// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import {isMattermostId} from '../documents/document_record';
import {bridgeContext} from '../http/bridge_headers';

import {ApiError, badRequest} from './api_error';

// Readers of untrusted request input. Each returns the value or throws a 400 ApiError naming
// the field; unknown body fields are ignored so that older servers accept newer webapps.

export type JsonObject = Record<string, unknown>;

// sessionUser is the Mattermost user behind the request. Mattermost sets the header only for a
// valid session and drops it when a client sends it, so it can be trusted as is.
export function sessionUser(request: FastifyRequest): string {
    const userId = bridgeContext(request.headers, request.url).userId;
    if (!userId) {
        throw new ApiError(401, 'NOT_AUTHENTICATED', 'Sign in to Mattermost to use this.');
    }
    return userId;
}

export function bodyObject(request: FastifyRequest): JsonObject {
    const body: unknown = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw badRequest('INVALID_BODY', 'The request body must be a JSON object sent as application/json.');
    }
    return body as JsonObject;
}

export function requiredString(body: JsonObject, field: string, maxLength: number): string {
    const value = Object.hasOwn(body, field) ? body[field] : undefined;
    if (typeof value !== 'string' || value === '') {
        throw badRequest('INVALID_FIELD', `The field "${field}" is required and must be a string.`);
    }
    if (value.length > maxLength) {
        throw badRequest('INVALID_FIELD', `The field "${field}" is longer than ${maxLength} characters.`);
    }
    return value;
}

export function optionalString(body: JsonObject, field: string, maxLength: number): string | undefined {
    const value = Object.hasOwn(body, field) ? body[field] : undefined;
    if (value === undefined || value === null || value === '') {
        return undefined;
    }
    return requiredString(body, field, maxLength);
}

export function oneOf<T extends string>(body: JsonObject, field: string, allowed: readonly T[]): T {
    const value = Object.hasOwn(body, field) ? body[field] : undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
        throw badRequest('INVALID_FIELD', `The field "${field}" must be one of: ${allowed.join(', ')}.`);
    }
    return value as T;
}

export function mattermostId(value: string, field: string): string {
    if (!isMattermostId(value)) {
        throw badRequest('INVALID_FIELD', `The field "${field}" is not a Mattermost id.`);
    }
    return value;
}
