// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {UserProfile} from '@mattermost/types/users';

import {MattermostError} from '../mattermost/plugin_api';
import {canBeMentioned, mentionablePeople, personOf, type MentionablePerson} from '../mentions/mentionable_people';
import {postMentionNotice, type NoticeResult} from '../mentions/mention_notice';
import type {Services} from '../services';

import {ApiError, badRequest, forbidden} from './api_error';
import {bodyObject, requiredString, sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

// @mentions in a document (Collabora's UI_Mention, relayed by the webapp):
// GET  /api/v1/files/{fileId}/mentionable?term=  who may be mentioned, for the autocomplete;
// POST /api/v1/files/{fileId}/mentions {username} notify the person picked.
// Both need the caller to view the document; the POST also needs them to be able to post in
// its channel, since the notification is a post in their name.

// Collabora sends what follows the '@': letters, digits and spaces (Control.Mention.ts).
const MAX_TERM = 64;
const USERNAME_SHAPE = /^[a-z0-9._-]{1,64}$/i;

const notMentionable = (username: string): ApiError => forbidden('NOT_MENTIONABLE', `@${username} cannot be notified about this document: only members of its channel who may view it can be mentioned.`);

async function userByUsername(services: Services, username: string): Promise<UserProfile | null> {
    try {
        return await services.state.api.getUserByUsername(username);
    } catch (err) {
        if (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400)) {
            return null;
        }
        throw err;
    }
}

type FileParams = {Params: {fileId: string}};

export function registerMentionRoutes(app: FastifyInstance, services: Services): void {
    app.get<FileParams & {Querystring: {term?: string}}>('/api/v1/files/:fileId/mentionable', async (request): Promise<{users: MentionablePerson[]}> => {
        const userId = sessionUser(request);
        const raw = typeof request.query.term === 'string' ? request.query.term : '';
        const term = raw.replace(/^@/, '').trim();
        if (term.length > MAX_TERM) {
            throw badRequest('INVALID_FIELD', `The search "term" is longer than ${MAX_TERM} characters.`);
        }
        const {doc} = await visibleDocument(services, userId, request.params.fileId);

        // Collabora never asks with nothing typed: a whole channel is not a suggestion list.
        return {users: term === '' ? [] : await mentionablePeople(services, doc, term)};
    });

    app.post<FileParams>('/api/v1/files/:fileId/mentions', async (request): Promise<{notified: boolean; result: NoticeResult | 'self'; user: MentionablePerson}> => {
        const userId = sessionUser(request);
        const username = requiredString(bodyObject(request), 'username', 64).replace(/^@/, '');
        if (!USERNAME_SHAPE.test(username)) {
            throw badRequest('INVALID_FIELD', 'The field "username" is not a Mattermost username.');
        }
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        if (!(await services.state.api.hasPermissionToChannel(userId, doc.channelId, 'create_post'))) {
            throw forbidden('CANNOT_POST', 'You cannot post in this document\'s channel, so you cannot notify anyone from it.');
        }
        const mentioner = rights.user ?? await services.state.api.getUser(userId);

        // Unknown and not allowed answer alike: the answer never tells whether someone outside
        // the channel exists.
        const mentioned = await userByUsername(services, username.toLowerCase());
        if (!mentioned || !(await canBeMentioned(services, doc, mentioned))) {
            throw notMentionable(username);
        }
        if (mentioned.id === userId) {
            // Mattermost never notifies people of their own posts; nothing to send.
            return {notified: false, result: 'self', user: personOf(services, mentioned)};
        }
        const result = await postMentionNotice(services, doc, mentioner, mentioned);
        return {notified: result === 'notified', result, user: personOf(services, mentioned)};
    });
}
