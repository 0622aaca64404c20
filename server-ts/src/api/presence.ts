// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {DocumentRecord} from '../documents/document_record';
import {kvGetJson, kvUpdateJson} from '../kv/json_kv';
import type {Services} from '../services';

import {bodyObject, oneOf, sessionUser} from './request_input';
import {displayNameOf} from './user_names';
import {visibleDocument} from './visible_document';

// Who has a document open right now. Kept in the KV store (any node may answer the next
// heartbeat), as userId -> last seen (ms). A browser that vanishes without saying "leave" drops
// out once its heartbeats stop: entries older than PRESENCE_TTL_MS are ignored on read and
// pruned on the next write.

export const PRESENCE_TTL_MS = 2 * 60 * 1000;
// The whole record disappears when nobody heartbeats for a while, so abandoned documents leave
// no keys behind.
const RECORD_EXPIRY_SECONDS = 10 * 60;

type PresenceMap = Record<string, number>;
type PresenceAction = 'join' | 'leave' | 'heartbeat';
const ACTIONS: readonly PresenceAction[] = ['join', 'leave', 'heartbeat'];

export interface Editor {
    userId: string;
    username: string;
    displayName: string;
}

export const presenceKey = (docId: string): string => `editors:${docId}`;

function liveIds(map: PresenceMap | null, now: number): string[] {
    return Object.entries(map ?? {}).filter(([, seen]) => now - seen < PRESENCE_TTL_MS).map(([id]) => id);
}

async function editorsOf(services: Services, userIds: string[]): Promise<Editor[]> {
    const editors = await Promise.all(userIds.map(async (id): Promise<Editor | null> => {
        try {
            const user = await services.state.api.getUser(id);
            return {userId: user.id, username: user.username, displayName: displayNameOf(user)};
        } catch {
            return null;
        }
    }));
    return editors.filter((e): e is Editor => e !== null);
}

// applyPresence records the action and returns the stored ids before it and the live ids after.
async function applyPresence(services: Services, docId: string, userId: string, action: PresenceAction): Promise<{before: string[]; after: string[]}> {
    return kvUpdateJson<PresenceMap, {before: string[]; after: string[]}>(services.state.api, presenceKey(docId), (cur) => {
        const now = services.now();
        // Compared with everything stored, stale entries included: pruning someone whose
        // browser vanished is a change the channel hears about.
        const before = Object.keys(cur ?? {});
        const next: PresenceMap = {};
        for (const id of liveIds(cur, now)) {
            next[id] = (cur as PresenceMap)[id];
        }
        if (action === 'leave') {
            delete next[userId];
        } else {
            next[userId] = now;
        }
        const after = Object.keys(next);
        return {next: after.length === 0 ? null : next, result: {before, after}};
    }, RECORD_EXPIRY_SECONDS);
}

const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));

async function currentEditors(services: Services, doc: DocumentRecord): Promise<Editor[]> {
    const stored = await kvGetJson<PresenceMap>(services.state.api, presenceKey(doc.docId));
    return editorsOf(services, liveIds(stored?.value ?? null, services.now()));
}

type FileParams = {Params: {fileId: string}};

export function registerPresenceRoutes(app: FastifyInstance, services: Services): void {
    app.get<FileParams>('/api/v1/files/:fileId/editors', async (request) => {
        const userId = sessionUser(request);
        const {doc} = await visibleDocument(services, userId, request.params.fileId);
        return {editors: await currentEditors(services, doc)};
    });

    // Viewers count as present too: the badge says who has the document open.
    app.post<FileParams>('/api/v1/files/:fileId/editors', async (request) => {
        const userId = sessionUser(request);
        const action = oneOf(bodyObject(request), 'action', ACTIONS);
        const {doc} = await visibleDocument(services, userId, request.params.fileId);
        const {before, after} = await applyPresence(services, doc.docId, userId, action);
        const editors = await editorsOf(services, after);
        if (!sameSet(before, after)) {
            // Websocket payloads are flat maps of strings, so the list travels as JSON text.
            await services.state.api.publishWebSocketEvent('editors_changed', {doc_id: doc.docId, file_id: request.params.fileId, editors: JSON.stringify(editors)}, {channelId: doc.channelId});
        }
        return {editors};
    });
}
