// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {UserProfile} from '@mattermost/types/users';

import {displayNameOf} from '../api/user_names';
import type {DocumentRecord} from '../documents/document_record';
import {MattermostError} from '../mattermost/plugin_api';
import type {Services} from '../services';

// Who may be @mentioned in a document: people who may view it right now. That is decided here,
// on the server, from the channel's current membership and the same rights every other route
// uses, never from what a browser says. Channel membership is required even in a public channel
// (where any team member may read): a mention is a notification in the document's channel, and
// someone who left it chose not to hear from it.

export interface MentionablePerson {
    userId: string;
    username: string;
    displayName: string;
    // Mattermost's own profile picture route, under the Site URL when one is set.
    avatarUrl: string;
}

// Enough for a popup under the cursor; Collabora shows the list as it is.
export const MAX_MENTION_RESULTS = 10;
// Asked of Mattermost before the rights filter drops bots and those who may not view.
const SEARCH_LIMIT = 25;

export function avatarUrlOf(services: Services, user: UserProfile): string {
    const picture = `/api/v4/users/${user.id}/image?_=${user.last_picture_update ?? 0}`;
    return `${services.state.serverConfig.siteUrl}${picture}`;
}

export function personOf(services: Services, user: UserProfile): MentionablePerson {
    return {userId: user.id, username: user.username, displayName: displayNameOf(user), avatarUrl: avatarUrlOf(services, user)};
}

async function isChannelMember(services: Services, channelId: string, userId: string): Promise<boolean> {
    try {
        await services.state.api.getChannelMember(channelId, userId);
        return true;
    } catch (err) {
        if (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400)) {
            return false;
        }
        throw err;
    }
}

// canBeMentioned: an active person (not a bot) who is a member of the document's channel now
// and whom the rights policy lets view the document.
export async function canBeMentioned(services: Services, doc: DocumentRecord, user: UserProfile): Promise<boolean> {
    if (user.delete_at > 0 || user.is_bot || !(await isChannelMember(services, doc.channelId, user.id))) {
        return false;
    }
    const rights = await services.access.rights(user.id, doc);
    return rights.decision.access !== 'none';
}

// mentionablePeople answers Collabora's autocomplete: channel members matching the typed text by
// username or name (Mattermost's own user search, prefix per word), who may view the document.
export async function mentionablePeople(services: Services, doc: DocumentRecord, term: string): Promise<MentionablePerson[]> {
    const found = await services.state.api.searchUsers({term, in_channel_id: doc.channelId, allow_inactive: false, limit: SEARCH_LIMIT});
    const people: MentionablePerson[] = [];
    for (const user of found) {
        if (people.length >= MAX_MENTION_RESULTS) {
            break;
        }
        if (await canBeMentioned(services, doc, user)) {
            people.push(personOf(services, user));
        }
    }
    return people;
}
