// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Mattermost's own post events (posted, post_edited, post_deleted), which the web app hands to every
// plugin that registered for them (websocket_actions.jsx, handleEvent), passed on to whoever listens:
// the editor's thread panel. The post travels as JSON text in msg.data.post.
import type {Post} from '@mattermost/types/posts';

import type {WebSocketMessage} from './types/mattermost-webapp';

export type PostEventKind = 'posted' | 'post_edited' | 'post_deleted';
export const POST_EVENTS: readonly PostEventKind[] = ['posted', 'post_edited', 'post_deleted'];
type Listener = (kind: PostEventKind, post: Post) => void;

const listeners = new Set<Listener>();

export function onPostEvent(listener: Listener): () => void {
    listeners.add(listener);
    return () => {
        listeners.delete(listener);
    };
}

export function handlePostEvent(kind: PostEventKind, msg: WebSocketMessage): void {
    const raw = msg.data?.post;
    if (typeof raw !== 'string') {
        return;
    }
    let post: Post;
    try {
        post = JSON.parse(raw) as Post;
    } catch {
        return;
    }
    if (typeof post?.id !== 'string') {
        return;
    }
    listeners.forEach((listener) => listener(kind, post));
}

// After a reconnect the events missed while offline are gone: listeners load again.
const reloaders = new Set<() => void>();

export function onThreadReload(reload: () => void): () => void {
    reloaders.add(reload);
    return () => {
        reloaders.delete(reload);
    };
}

export function reloadThreads(): void {
    reloaders.forEach((reload) => reload());
}
