// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel, ChannelMembership as MmMembership} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';

import type {Settings} from '../config/settings';
import type {DocumentRecord} from '../documents/document_record';
import type {GatheredAccessFacts, PluginApi} from '../mattermost/plugin_api';

import {isAbsence, rightsFrom, valueOrNull, type AccessAnswers, type Rights} from './access_answers';

export type {Rights} from './access_answers';

// AccessService asks Mattermost for the facts the pure policy decides on. It is asked again on
// every request: rights are never cached, so a user removed from a channel loses access on the
// very next call.

type RightsDoc = Pick<DocumentRecord, 'channelId' | 'ownerId' | 'policy'>;

async function orNull<T>(p: Promise<T>): Promise<T | null> {
    try {
        return await p;
    } catch (err) {
        if (isAbsence(err)) {
            return null;
        }
        throw err;
    }
}

export class AccessService {
    constructor(private readonly api: PluginApi, private readonly settings: () => Settings) {}

    // rights asks call by call (six round trips, concurrently).
    async rights(userId: string, doc: RightsDoc): Promise<Rights> {
        const [user, channel, member, canRead, canReadPublic, canPost] = await Promise.all([
            orNull<UserProfile>(this.api.getUser(userId)),
            orNull<Channel>(this.api.getChannel(doc.channelId)),
            orNull<MmMembership>(this.api.getChannelMember(doc.channelId, userId)),
            this.api.hasPermissionToChannel(userId, doc.channelId, 'read_channel'),
            this.api.hasPermissionToChannel(userId, doc.channelId, 'read_public_channel'),
            this.api.hasPermissionToChannel(userId, doc.channelId, 'create_post'),
        ]);
        return rightsFrom({user, channel, member, canRead, canReadPublic, canPost}, doc, this.settings());
    }

    // rightsGathered decides from facts gathered in one round trip (gatherAccessFacts). Should
    // they be about another channel than the document's (the record changed in between), it
    // asks again call by call rather than decide on the wrong channel.
    async rightsGathered(userId: string, doc: RightsDoc, gathered: GatheredAccessFacts): Promise<Rights> {
        if (gathered.channelId !== doc.channelId || !gathered.channel) {
            return this.rights(userId, doc);
        }
        const [canRead = false, canReadPublic = false, canPost = false] = gathered.channelPermissions;
        const answers: AccessAnswers = {
            user: valueOrNull(gathered.user),
            channel: valueOrNull(gathered.channel),
            member: valueOrNull(gathered.channelMember),
            canRead,
            canReadPublic,
            canPost,
        };
        return rightsFrom(answers, doc, this.settings());
    }
}
