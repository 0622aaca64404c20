// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel, ChannelMembership as MmMembership} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';

import type {Settings} from '../config/settings';
import type {DocumentRecord} from '../documents/document_record';
import {MattermostError, type Gathered} from '../mattermost/plugin_api';
import {canChangePolicy, decideAccess, effectivePolicy, type AccessDecision, type AccessFacts, type ChannelKind, type ChannelMembership, type ChangePolicyVerdict, type EditPolicy} from '../policy';

// What Mattermost answered about one user and one channel, however it was asked (call by call,
// or gathered in one round trip), and the pure step from those answers to the user's rights.

export interface Rights {
    decision: AccessDecision;
    policy: EditPolicy;
    change: ChangePolicyVerdict;
    // The user as Mattermost answered just now, so callers need not ask again.
    user: UserProfile | null;
}

// The channel permissions asked, in this order.
export const CHANNEL_PERMISSIONS = ['read_channel', 'read_public_channel', 'create_post'] as const;

export interface AccessAnswers {
    // null: Mattermost has no such user, channel or membership.
    user: UserProfile | null;
    channel: Channel | null;
    member: MmMembership | null;
    // CHANNEL_PERMISSIONS, in order.
    canRead: boolean;
    // Mattermost lets team members read a public channel they have not joined
    // (App.HasPermissionToReadChannel); for a non-member, HasPermissionToChannel falls back to
    // the channel's team, where read_public_channel is granted.
    canReadPublic: boolean;
    canPost: boolean;
}

type RecordFacts = Pick<DocumentRecord, 'ownerId' | 'policy'>;

const CHANNEL_KINDS: Record<string, ChannelKind> = {O: 'open', P: 'private', D: 'direct', G: 'group'};

// A 404 or 400 means "no such thing" (null); any other failure is the request's failure.
export function isAbsence(err: unknown): boolean {
    return err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400);
}

// valueOrNull reads one gathered answer as a single call's would have been read.
export function valueOrNull<T>(answer: Gathered<T> | undefined): T | null {
    if (!answer) {
        return null;
    }
    if ('value' in answer) {
        return answer.value;
    }
    if (isAbsence(answer.error)) {
        return null;
    }
    throw answer.error;
}

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

// accessFactsFrom translates Mattermost's answers into the policy's facts; null when the user
// or the channel does not exist.
export function accessFactsFrom(answers: AccessAnswers, doc: RecordFacts, settings: Pick<Settings, 'guestsCanEdit' | 'defaultEditPolicy'>): AccessFacts | null {
    const {user, channel} = answers;
    if (!user || !channel) {
        return null;
    }
    const roles = user.roles.split(/\s+/);
    return {
        user: {
            id: user.id,
            isSystemAdmin: roles.includes('system_admin'),
            isBot: Boolean(user.is_bot),
            isGuest: roles.includes('system_guest'),
            isDeactivated: user.delete_at > 0,
        },
        channel: {kind: CHANNEL_KINDS[channel.type] ?? 'private', isArchived: channel.delete_at > 0},
        membership: membershipOf(answers.member),
        hasReadPermission: answers.canRead || (channel.type === 'O' && answers.canReadPublic),
        canPost: answers.canPost,
        document: {ownerId: doc.ownerId, policy: doc.policy},
        settings: {guestsCanEdit: settings.guestsCanEdit, defaultEditPolicy: settings.defaultEditPolicy},
    };
}

// rightsFrom is the whole decision for one request: facts in, rights out.
export function rightsFrom(answers: AccessAnswers, doc: RecordFacts, settings: Pick<Settings, 'guestsCanEdit' | 'defaultEditPolicy'>): Rights {
    const facts = accessFactsFrom(answers, doc, settings);
    if (!facts) {
        const none: AccessDecision = {access: 'none', code: 'NO_CHANNEL_ACCESS', reason: 'You do not have access to this channel.'};
        return {decision: none, policy: doc.policy ?? settings.defaultEditPolicy, change: {allowed: false, code: 'NO_CHANNEL_ACCESS', reason: none.reason}, user: null};
    }
    return {decision: decideAccess(facts), policy: effectivePolicy(facts), change: canChangePolicy(facts), user: answers.user};
}
