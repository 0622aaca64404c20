// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// "Ana and Ben are editing" with a Join button. PostPresence is registered with
// registerPostMessageAttachmentComponent, which Mattermost renders under every post's message with its
// postId: it shows a badge per office attachment that someone is editing right now. Editors live in
// our Redux slice, loaded once per file and then kept current by editors_changed websocket events.
import type {FileInfo} from '@mattermost/types/files';
import React, {useEffect, useLayoutEffect, useRef} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';
import {shallowEqual, useSelector} from 'react-redux';

import {fetchEditorsOnce, openDocument} from '../../actions';
import type {Editor} from '../../client';
import {canOpenFormat, fileExtension} from '../../formats';
import {useAppDispatch, useHostSelector} from '../../hooks';
import {getClientConfig, getCurrentUserId, getEditors, getPostFiles} from '../../selectors';
import type {HostState} from '../../selectors';
import type {PostMessageAttachmentProps} from '../../types/mattermost-webapp';

export function useEditorNames(editors: Editor[]): string {
    const intl = useIntl();
    const me = useHostSelector(getCurrentUserId);
    const names = editors.filter((e) => e.userId !== me).map((e) => e.displayName || e.username);
    const unique = Array.from(new Set(names));
    if (unique.length === 0) {
        return '';
    }
    if (unique.length === 1) {
        return intl.formatMessage({id: 'collabora.presence.one', defaultMessage: '{first} is editing'}, {first: unique[0]});
    }
    if (unique.length === 2) {
        return intl.formatMessage({id: 'collabora.presence.two', defaultMessage: '{first} and {second} are editing'}, {first: unique[0], second: unique[1]});
    }
    return intl.formatMessage(
        {id: 'collabora.presence.many', defaultMessage: '{first}, {second} and {others, plural, one {# other} other {# others}} are editing'},
        {first: unique[0], second: unique[1], others: unique.length - 2},
    );
}

type BadgeProps = {
    file: {id: string; name: string; extension?: string};
    showFileName?: boolean;
    showJoin?: boolean;
};

export function PresenceBadge({file, showFileName = false, showJoin = true}: BadgeProps) {
    const dispatch = useAppDispatch();
    const editors = useHostSelector((state) => getEditors(state, file.id));
    const text = useEditorNames(editors);
    if (!text) {
        return null;
    }
    return (
        <div className='co-presence co-root' data-testid={`collabora-presence-${file.id}`}>
            <span className='co-presence__dot' aria-hidden='true'/>
            <span>{text}</span>
            {showFileName && <span className='co-muted'>{file.name}</span>}
            {showJoin && (
                <button type='button' className='co-btn co-btn--primary' onClick={() => dispatch(openDocument(file, 'auto'))}>
                    <FormattedMessage id='collabora.presence.join' defaultMessage='Join'/>
                </button>
            )}
        </div>
    );
}

// Mattermost puts this inside ShowMore (post_message_view.tsx), which measures its overflow again
// only when a pluggable calls onHeightChange: a badge that appears later would otherwise be clipped.
function useReportHeight(onHeightChange?: (height: number) => void) {
    const root = useRef<HTMLDivElement>(null);
    const last = useRef(0);
    useLayoutEffect(() => {
        const height = root.current?.offsetHeight ?? 0;
        if (height !== last.current) {
            last.current = height;
            onHeightChange?.(height);
        }
    });
    return root;
}

export default function PostPresence({postId, onHeightChange}: PostMessageAttachmentProps) {
    const dispatch = useAppDispatch();
    const config = useHostSelector(getClientConfig);
    const files = useSelector((state: HostState) => getPostFiles(state, postId), shallowEqual);
    const office = files.filter((f: FileInfo) => canOpenFormat(fileExtension(f), config));
    const key = office.map((f) => f.id).join(',');
    const root = useReportHeight(onHeightChange);

    // The badges change height with their editors: render (and so measure) again when they change.
    useSelector((state: HostState) => office.map((f) => getEditors(state, f.id)), shallowEqual);

    useEffect(() => {
        for (const id of key.split(',').filter(Boolean)) {
            dispatch(fetchEditorsOnce(id));
        }
    }, [key, dispatch]);

    if (office.length === 0) {
        return null;
    }
    return (
        <div ref={root}>
            {office.map((f) => (
                <PresenceBadge key={f.id} file={f} showFileName={office.length > 1}/>
            ))}
        </div>
    );
}
