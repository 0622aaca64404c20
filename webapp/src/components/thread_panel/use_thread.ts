// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The document's thread, kept live: loaded once through Mattermost's API, then changed by the post
// events the web app passes to plugins (new replies, edits, deletions), so edit summaries and mention
// notifications show up as they are posted. A reconnect loads it again (events were missed offline).
import type {Post} from '@mattermost/types/posts';
import type {UserProfile} from '@mattermost/types/users';
import {useCallback, useEffect, useRef, useState} from 'react';

import {errorMessage} from '../../actions';
import {client} from '../../client';
import {mattermost} from '../../mattermost_client';
import {onPostEvent, onThreadReload} from '../../post_events';

export type ThreadState = {
    rootId: string;
    channelId: string;
    posts: Post[];
    users: Record<string, UserProfile>;
    loading: boolean;
    error: string;
};

const byTime = (a: Post, b: Post) => a.create_at - b.create_at;
const shown = (post: Post) => post.delete_at === 0 && !post.type?.startsWith('system_ephemeral');

export function mergePost(posts: Post[], post: Post): Post[] {
    const others = posts.filter((p) => p.id !== post.id);
    return shown(post) ? [...others, post].sort(byTime) : others;
}

export function useThread(fileId: string): ThreadState & {addPost: (post: Post) => void} {
    const [state, setState] = useState<ThreadState>({rootId: '', channelId: '', posts: [], users: {}, loading: true, error: ''});
    const rootRef = useRef('');
    const asked = useRef(new Set<string>());

    const loadUsers = useCallback((posts: Post[]) => {
        const missing = [...new Set(posts.map((p) => p.user_id))].filter((id) => id && !asked.current.has(id));
        if (missing.length === 0) {
            return;
        }
        missing.forEach((id) => asked.current.add(id));
        mattermost.getProfilesByIds(missing).then((profiles) => setState((s) => ({
            ...s,
            users: {...s.users, ...Object.fromEntries(profiles.map((u) => [u.id, u]))},
        })), () => missing.forEach((id) => asked.current.delete(id)));
    }, []);

    const load = useCallback(async () => {
        try {
            const thread = await client.getDocumentThread(fileId);
            rootRef.current = thread.rootId;
            const list = await mattermost.getPostThread(thread.rootId, true, false);
            const posts = Object.values(list.posts).filter(shown).sort(byTime);
            setState((s) => ({...s, rootId: thread.rootId, channelId: thread.channelId, posts, loading: false, error: ''}));
            loadUsers(posts);
        } catch (err) {
            setState((s) => ({...s, loading: false, error: errorMessage(err)}));
        }
    }, [fileId, loadUsers]);

    useEffect(() => {
        void load();
    }, [load]);

    useEffect(() => onThreadReload(() => void load()), [load]);

    const addPost = useCallback((post: Post) => {
        setState((s) => ({...s, posts: mergePost(s.posts, post)}));
        loadUsers([post]);
    }, [loadUsers]);

    useEffect(() => onPostEvent((kind, post) => {
        const root = rootRef.current;
        if (!root || (post.id !== root && post.root_id !== root)) {
            return;
        }
        addPost(kind === 'post_deleted' ? {...post, delete_at: post.delete_at || 1} : post);
    }), [addPost]);

    return {...state, addPost};
}
