// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The document's thread beside the editor: the post and its replies, live, and a box to reply. On wide
// screens a column that collapses to a strip (remembered per user); below NARROW_QUERY a button over the
// editor opens it as an overlay, so the document keeps the whole width on small screens.
import type {Post} from '@mattermost/types/posts';
import type {UserProfile} from '@mattermost/types/users';
import React, {useEffect, useRef, useState} from 'react';
import {useIntl} from 'react-intl';

import {useHostSelector} from '../../hooks';
import {mattermost} from '../../mattermost_client';
import {getCurrentUserId} from '../../selectors';

import {readCollapsed, writeCollapsed} from './panel_preference';
import PostText from './post_text';
import ReplyBox from './reply_box';
import {useThread} from './use_thread';

export const NARROW_QUERY = '(max-width: 899px)';

function useNarrow(): boolean {
    const query = typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
    const [narrow, setNarrow] = useState(Boolean(query?.matches));
    useEffect(() => {
        if (!query) {
            return undefined;
        }
        const changed = () => setNarrow(query.matches);
        query.addEventListener('change', changed);
        return () => query.removeEventListener('change', changed);
    }, [query?.media]);
    return narrow;
}

const nameOf = (user: UserProfile | undefined): string => {
    if (!user) {
        return '';
    }
    return [user.first_name, user.last_name].filter(Boolean).join(' ') || user.nickname || user.username;
};

function ThreadPost({post, user, siteUrl}: {post: Post; user?: UserProfile; siteUrl: string}) {
    const intl = useIntl();
    const files = post.metadata?.files ?? [];
    return (
        <li className='co-thread__post' data-testid='collabora-thread-post' data-post-id={post.id}>
            <img
                className='co-thread__avatar'
                alt=''
                src={mattermost.getProfilePictureUrl(post.user_id, user?.last_picture_update ?? 0)}
            />
            <div className='co-thread__body'>
                <div className='co-thread__meta'>
                    <strong>{nameOf(user) || intl.formatMessage({id: 'collabora.thread.someone', defaultMessage: 'Someone'})}</strong>
                    {user && <span className='co-thread__username'>{`@${user.username}`}</span>}
                    <time dateTime={new Date(post.create_at).toISOString()}>{intl.formatTime(post.create_at)}</time>
                </div>
                {post.message && <PostText message={post.message} siteUrl={siteUrl}/>}
                {files.length > 0 && <div className='co-thread__files'>{files.map((f) => f.name).join(', ')}</div>}
            </div>
        </li>
    );
}

type Props = {fileId: string};

export default function ThreadPanel({fileId}: Props) {
    const intl = useIntl();
    const userId = useHostSelector(getCurrentUserId);
    const narrow = useNarrow();
    const [collapsed, setCollapsed] = useState(() => readCollapsed(userId));
    const [overlayOpen, setOverlayOpen] = useState(false);
    const thread = useThread(fileId);
    const list = useRef<HTMLOListElement>(null);
    const siteUrl = mattermost.getUrl();

    useEffect(() => setCollapsed(readCollapsed(userId)), [userId]);

    // New posts scroll into view, as a thread does.
    useEffect(() => {
        list.current?.lastElementChild?.scrollIntoView?.({block: 'end'});
    }, [thread.posts.length]);

    const open = narrow ? overlayOpen : !collapsed;
    const toggle = () => {
        if (narrow) {
            setOverlayOpen(!overlayOpen);
            return;
        }
        writeCollapsed(userId, !collapsed);
        setCollapsed(!collapsed);
    };
    const title = intl.formatMessage({id: 'collabora.thread.title', defaultMessage: 'Thread'});
    const toggleLabel = open ? intl.formatMessage({id: 'collabora.thread.hide', defaultMessage: 'Hide the thread'}) : intl.formatMessage({id: 'collabora.thread.show', defaultMessage: 'Show the thread'});
    const replies = Math.max(0, thread.posts.length - 1);

    if (!open) {
        return (
            <button
                type='button'
                className={narrow ? 'co-thread-toggle co-thread-toggle--floating' : 'co-thread-toggle'}
                data-testid='collabora-thread-toggle'
                aria-expanded={false}
                aria-label={toggleLabel}
                title={toggleLabel}
                onClick={toggle}
            >
                <span aria-hidden='true'>{'💬'}</span>
                <span className='co-thread-toggle__count'>{replies}</span>
            </button>
        );
    }

    return (
        <aside
            className={narrow ? 'co-thread co-thread--overlay' : 'co-thread'}
            data-testid='collabora-thread-panel'
            aria-label={title}
        >
            <div className='co-thread__header'>
                <strong>{title}</strong>
                <span className='co-thread__count'>{intl.formatMessage({id: 'collabora.thread.replies', defaultMessage: '{count, plural, one {# reply} other {# replies}}'}, {count: replies})}</span>
                <button
                    type='button'
                    className='co-btn co-thread__collapse'
                    data-testid='collabora-thread-toggle'
                    aria-expanded={true}
                    aria-label={toggleLabel}
                    title={toggleLabel}
                    onClick={toggle}
                >
                    {'›'}
                </button>
            </div>
            {thread.error && <div className='co-thread__error' role='alert'>{intl.formatMessage({id: 'collabora.thread.load_failed', defaultMessage: 'The thread could not be loaded. {reason}'}, {reason: thread.error})}</div>}
            {thread.loading && <div className='co-thread__loading'>{intl.formatMessage({id: 'collabora.thread.loading', defaultMessage: 'Loading the thread…'})}</div>}
            <ol className='co-thread__posts' ref={list} aria-live='polite'>
                {thread.posts.map((post) => (
                    <ThreadPost key={post.id} post={post} user={thread.users[post.user_id]} siteUrl={siteUrl}/>
                ))}
            </ol>
            <ReplyBox rootId={thread.rootId} channelId={thread.channelId} onPosted={thread.addPost}/>
        </aside>
    );
}
