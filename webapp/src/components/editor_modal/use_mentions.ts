// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Collabora's @mentions (COOL browser/src/control/Control.Mention.ts): UI_Mention {type: 'autocomplete',
// text} asks for people matching what follows '@'; we answer Action_Mention {list: [{username, profile,
// label}]} (Map.WOPI.js hands the list to the popup) with the people the server says may view the
// document. UI_Mention {type: 'selected', username} is the person picked: the server notifies them.
import {useCallback, useRef} from 'react';
import {useIntl} from 'react-intl';

import {errorMessage} from '../../actions';
import {client} from '../../client';
import type {MentionablePerson} from '../../client';
import {useHostSelector} from '../../hooks';
import {getCurrentTeamName, getSiteRoot} from '../../selectors';

export type MentionEntry = {username: string; profile: string; label?: string};

// Collabora filters the list again by `label ?? username` containing the typed text. The server matched
// by username or by any word of the name, so the display name is the label only where it holds the
// text; otherwise Collabora shows (and inserts) the username, and the person stays in the list.
export function mentionEntry(person: MentionablePerson, term: string, profileBase: string): MentionEntry {
    const entry: MentionEntry = {username: person.username, profile: profileBase ? `${profileBase}${encodeURIComponent(person.username)}` : ''};
    if (person.displayName && person.displayName.toLowerCase().includes(term.toLowerCase())) {
        entry.label = person.displayName;
    }
    return entry;
}

type Options = {
    fileId: string;
    post: (messageId: string, values: Record<string, unknown>) => void;
    onNotice: (text: string) => void;
};

export function useMentions({fileId, post, onNotice}: Options): (values: Record<string, unknown>) => void {
    const intl = useIntl();
    const root = useHostSelector(getSiteRoot);
    const team = useHostSelector(getCurrentTeamName);

    // A direct message with the person is the closest Mattermost has to a profile page.
    const profileBase = team ? `${window.location.origin}${root}/${encodeURIComponent(team)}/messages/@` : '';
    const latest = useRef(0);

    const autocomplete = useCallback((text: string) => {
        const seq = latest.current + 1;
        latest.current = seq;
        client.getMentionable(fileId, text).then((people) => {
            // Typing goes on while we ask: only the answer to the newest question is shown.
            if (seq === latest.current) {
                post('Action_Mention', {list: people.map((person) => mentionEntry(person, text, profileBase))});
            }
        }, () => {
            if (seq === latest.current) {
                post('Action_Mention', {list: []});
            }
        });
    }, [fileId, post, profileBase]);

    const selected = useCallback((username: string) => {
        client.notifyMention(fileId, username).then((res) => {
            if (res.result === 'notified') {
                onNotice(intl.formatMessage({id: 'collabora.mention.notified', defaultMessage: '@{username} was notified in the thread of the document.'}, {username}));
            }
        }, (err: unknown) => {
            onNotice(intl.formatMessage({id: 'collabora.mention.failed', defaultMessage: '@{username} was not notified. {reason}'}, {username, reason: errorMessage(err)}));
        });
    }, [fileId, intl, onNotice]);

    return useCallback((values: Record<string, unknown>) => {
        if (values.type === 'autocomplete' && typeof values.text === 'string' && values.text.trim() !== '') {
            autocomplete(values.text.trim());
        } else if (values.type === 'selected' && typeof values.username === 'string' && values.username) {
            selected(values.username);
        }
    }, [autocomplete, selected]);
}
