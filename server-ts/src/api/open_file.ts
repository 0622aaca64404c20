// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {Services} from '../services';

import {editorSession, languageOf, type EditorSession, type OpenMode} from './editor_session';
import {bodyObject, oneOf, sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

// The session logic is shared with the one-time link page (editor_session.ts).
export {languageOf, type EditorSession, type OpenMode};

const MODES: readonly OpenMode[] = ['view', 'edit'];

// POST /api/v1/files/{fileId}/open: the editor URL and a fresh access token. A user who may not
// edit (or a format Collabora only views) gets a view session instead of an error, so the
// webapp can always show the document.
export function registerOpenFileRoute(app: FastifyInstance, services: Services): void {
    app.post<{Params: {fileId: string}}>('/api/v1/files/:fileId/open', async (request): Promise<EditorSession> => {
        const userId = sessionUser(request);
        const wanted = oneOf(bodyObject(request), 'mode', MODES);
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        return editorSession(services, userId, doc, rights, wanted, {
            lang: languageOf(request.headers['accept-language']),
            closeButton: true,
            revisionHistory: true,
        });
    });
}
