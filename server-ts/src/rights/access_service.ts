// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel, ChannelMembership as MmMembership} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';

import type {Settings} from '../config/settings';
import type {DocumentRecord} from '../documents/document_record';
import {MattermostError, type PluginApi} from '../mattermost/plugin_api';
import {canChangePolicy, decideAccess, effectivePolicy, type AccessDecision, type AccessFacts, type ChannelKind, type ChannelMembership, type ChangePolicyVerdict, type EditPolicy} from '../policy';

// AccessService gathers, from Mattermost, the facts the pure policy decides on. It is asked
// again on every request: rights are never cached, so a user removed from a channel loses
// access on the very next call.

export interface Rights {
    decision: AccessDecision;
    policy: EditPolicy;
    change: ChangePolicyVerdict;
    // The user as Mattermost answered just now, so callers need not ask again.
    user: UserProfile | null;
}

const CHANNEL_KINDS: Record<string, ChannelKind> = {O: 'open', P: 'private', D: 'direct', G: 'group'};

function membershipOf(member: MmMembership | null): ChannelMembership {
    if (!member) {
        return 'none';
    }
    const roles = member.roles.split(/\s+/);
    if (member.scheme_admin || roles.includes('channel_admin')) {
        return 'admin';
    }
    if ((member as {scheme_guest?: boolean}).scheme_guest || roles.includes('channel_guest')) {
        return 'guest';
    }
    return 'member';
}

async function orNull<T>(p: Promise<T>): Promise<T | null> {
    try {
        return await p;
    } catch (err) {
        if (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400)) {
            return null;
        }
        throw err;
    }
}

export class AccessService {
    constructor(private readonly api: PluginApi, private readonly settings: () => Settings) {}

    async facts(userId: string, doc: Pick<DocumentRecord, 'channelId' | 'ownerId' | 'policy'>): Promise<{facts: AccessFacts; user: UserProfile} | null> {
        const [user, channel, member, canRead, canReadPublic, canPost] = await Promise.all([
            orNull<UserProfile>(this.api.getUser(userId)),
            orNull<Channel>(this.api.getChannel(doc.channelId)),
            orNull<MmMembership>(this.api.getChannelMember(doc.channelId, userId)),
            this.api.hasPermissionToChannel(userId, doc.channelId, 'read_channel'),
            // Mattermost lets team members read a public channel they have not joined
            // (App.HasPermissionToReadChannel); for a non-member, HasPermissionToChannel falls
            // back to the channel's team, where read_public_channel is granted.
            this.api.hasPermissionToChannel(userId, doc.channelId, 'read_public_channel'),
            this.api.hasPermissionToChannel(userId, doc.channelId, 'create_post'),
        ]);
        if (!user || !channel) {
            return null;
        }
        const settings = this.settings();
        const roles = user.roles.split(/\s+/);
        const facts: AccessFacts = {
            user: {
                id: user.id,
                isSystemAdmin: roles.includes('system_admin'),
                isBot: Boolean(user.is_bot),
                isGuest: roles.includes('system_guest'),
                isDeactivated: user.delete_at > 0,
            },
            channel: {kind: CHANNEL_KINDS[channel.type] ?? 'private', isArchived: channel.delete_at > 0},
            membership: membershipOf(member),
            hasReadPermission: canRead || (channel.type === 'O' && canReadPublic),
            canPost,
            document: {ownerId: doc.ownerId, policy: doc.policy},
            settings: {guestsCanEdit: settings.guestsCanEdit, defaultEditPolicy: settings.defaultEditPolicy},
        };
        return {facts, user};
    }

    async rights(userId: string, doc: Pick<DocumentRecord, 'channelId' | 'ownerId' | 'policy'>): Promise<Rights> {
        const found = await this.facts(userId, doc);
        if (!found) {
            const none: AccessDecision = {access: 'none', code: 'NO_CHANNEL_ACCESS', reason: 'You do not have access to this channel.'};
            return {decision: none, policy: doc.policy ?? this.settings().defaultEditPolicy, change: {allowed: false, code: 'NO_CHANNEL_ACCESS', reason: none.reason}, user: null};
        }
        const {facts, user} = found;
        return {decision: decideAccess(facts), policy: effectivePolicy(facts), change: canChangePolicy(facts), user};
    }
}
