// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// A reply to the document's thread: a real Mattermost post (root_id = the thread's root) made through
// Mattermost's API, so it notifies, mentions and shows everywhere as any reply does. Enter sends,
// Shift+Enter starts a new line; a failed post keeps the text and says why.
import type {Post} from '@mattermost/types/posts';
import React, {useState} from 'react';
import {useIntl} from 'react-intl';

import {errorMessage} from '../../actions';
import {mattermost} from '../../mattermost_client';

type Props = {rootId: string; channelId: string; onPosted: (post: Post) => void};

export default function ReplyBox({rootId, channelId, onPosted}: Props) {
    const intl = useIntl();
    const [text, setText] = useState('');
    const [sending, setSending] = useState(false);
    const [error, setError] = useState('');
    const ready = Boolean(rootId && channelId);

    const send = async () => {
        const message = text.trim();
        if (!message || sending || !ready) {
            return;
        }
        setSending(true);
        setError('');
        try {
            const post = await mattermost.createPost({channel_id: channelId, root_id: rootId, message});
            setText('');
            onPosted(post);
        } catch (err) {
            setError(intl.formatMessage({id: 'collabora.thread.reply_failed', defaultMessage: 'Your reply was not sent. {reason}'}, {reason: errorMessage(err)}));
        } finally {
            setSending(false);
        }
    };

    return (
        <form
            className='co-thread__reply'
            onSubmit={(event) => {
                event.preventDefault();
                void send();
            }}
        >
            <textarea
                className='co-thread__input'
                data-testid='collabora-thread-input'
                aria-label={intl.formatMessage({id: 'collabora.thread.reply_label', defaultMessage: 'Reply to the thread'})}
                placeholder={intl.formatMessage({id: 'collabora.thread.reply_placeholder', defaultMessage: 'Reply…'})}
                value={text}
                disabled={!ready}
                rows={2}
                onChange={(event) => setText(event.target.value)}
                onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                        event.preventDefault();
                        void send();
                    }
                    // Esc leaves the reply box, keeping the text; the editor closes on the next Esc
                    // (it ignores a handled key: editor_modal/component.tsx).
                    if (event.key === 'Escape') {
                        event.preventDefault();
                        event.currentTarget.blur();
                    }
                }}
            />
            {error && <div className='co-thread__error' role='alert'>{error}</div>}
            <button
                type='submit'
                className='co-btn co-btn--primary'
                data-testid='collabora-thread-send'
                disabled={!ready || sending || !text.trim()}
            >
                {intl.formatMessage({id: 'collabora.thread.send', defaultMessage: 'Reply'})}
            </button>
        </form>
    );
}
