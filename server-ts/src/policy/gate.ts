// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {GateCode} from './reasons';
import type {PolicyChangeFacts} from './types';

// The checks both decisions share, in one order. 'SYSTEM_ADMIN' means every
// later check is skipped; undefined means the document's policy decides.
export type GateOutcome = GateCode | 'SYSTEM_ADMIN' | undefined;

// Codes that deny even viewing; every other gate code still lets the user view.
export function gateDeniesViewing(code: GateCode): boolean {
    return code === 'USER_DEACTIVATED' || code === 'NO_CHANNEL_ACCESS';
}

export function isGuestHere(facts: Pick<PolicyChangeFacts, 'user' | 'membership'>): boolean {
    // A guest account, or a guest member of this channel: either makes the
    // guest rule apply, whichever one the caller happened to learn first.
    return facts.user.isGuest || facts.membership === 'guest';
}

// Mattermost has no channel admins in direct and group messages, so an
// 'admin' membership there is read as a plain member.
export function isChannelAdminHere(facts: Pick<PolicyChangeFacts, 'channel' | 'membership'>): boolean {
    const hasAdmins = facts.channel.kind === 'open' || facts.channel.kind === 'private';
    return hasAdmins && facts.membership === 'admin';
}

export function isOwner(facts: Pick<PolicyChangeFacts, 'user' | 'document'>): boolean {
    // Empty ids never match: a document whose poster is unknown has no owner.
    return facts.user.id !== '' && facts.user.id === facts.document.ownerId;
}

export function runGate(facts: PolicyChangeFacts): GateOutcome {
    if (facts.user.isDeactivated) {
        return 'USER_DEACTIVATED';
    }
    if (!facts.hasReadPermission) {
        return 'NO_CHANNEL_ACCESS';
    }

    // Bots act through the API, never through the editor: a token for a bot
    // would let an integration write documents with nobody behind the keyboard.
    if (facts.user.isBot) {
        return 'BOT_VIEW_ONLY';
    }

    // Mattermost makes archived channels read-only for everyone, admins too,
    // so their documents are frozen the same way.
    if (facts.channel.isArchived) {
        return 'CHANNEL_ARCHIVED';
    }

    // Before the admin shortcut: should a guest ever carry an admin flag, the
    // restriction wins over the privilege.
    if (isGuestHere(facts) && !facts.settings.guestsCanEdit) {
        return 'GUEST_VIEW_ONLY';
    }

    // System admins can post in any channel they read, moderated or not, and
    // need not join it; their edit right follows that.
    if (facts.user.isSystemAdmin) {
        return 'SYSTEM_ADMIN';
    }
    // Saving a document updates its post in the channel, which only members
    // may do; a reader of a public channel joins it first, as for posting.
    // Checked before posting rights: Mattermost denies non-members create_post
    // too, and "join the channel" is the reason that tells them what to do.
    if (facts.membership === 'none') {
        return 'NOT_CHANNEL_MEMBER';
    }
    if (!facts.canPost) {
        return 'CANNOT_POST';
    }
    return undefined;
}
