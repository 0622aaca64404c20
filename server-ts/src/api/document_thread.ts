// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {Services} from '../services';

import {sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

// GET /api/v1/files/{fileId}/thread: the thread a document belongs to, for the editor's side
// panel. From the document's record, so it holds for every revision's file id (the one the
// editor opened may be detached by now), and for a document posted as a reply.
export function registerDocumentThreadRoute(app: FastifyInstance, services: Services): void {
    app.get<{Params: {fileId: string}}>('/api/v1/files/:fileId/thread', async (request): Promise<{rootId: string; postId: string; channelId: string}> => {
        const userId = sessionUser(request);
        const {doc} = await visibleDocument(services, userId, request.params.fileId);
        const post = await services.state.api.getPost(doc.postId);
        return {rootId: post.root_id || post.id, postId: post.id, channelId: doc.channelId};
    });
}
