// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {Services} from '../services';

import {createBlankDocument, fileNameFor, KINDS, type DocumentKind, type NewDocumentResult} from './blank_document';
import {bodyObject, mattermostId, oneOf, optionalString, requiredString, sessionUser} from './request_input';

// The checks and the post are shared with the /collabora new command (blank_document.ts).
export {fileNameFor, type DocumentKind, type NewDocumentResult};

// Longer than any valid name, so an oversized one is refused by the name rule with its own
// message rather than by the generic length check.
const MAX_NAME_INPUT = 1000;

// POST /api/v1/documents: a blank document, spreadsheet or presentation, posted by the user in
// the channel (or thread), exactly as if they had uploaded it.
export function registerNewDocumentRoute(app: FastifyInstance, services: Services): void {
    app.post('/api/v1/documents', async (request): Promise<NewDocumentResult> => {
        const userId = sessionUser(request);
        const body = bodyObject(request);
        const channelId = mattermostId(requiredString(body, 'channelId', 64), 'channelId');
        const rootInput = optionalString(body, 'rootId', 64);
        const rootId = rootInput === undefined ? undefined : mattermostId(rootInput, 'rootId');
        const name = requiredString(body, 'name', MAX_NAME_INPUT);
        const kind = oneOf(body, 'kind', KINDS);
        return createBlankDocument(services, userId, {channelId, rootId, name, kind});
    });
}
