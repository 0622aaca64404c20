// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {EditPolicy} from './edit_policy';

// Our own vocabulary: the mattermost/ room translates Mattermost's users,
// channels and members into these plain facts before policy/ sees them.

export type Access = 'none' | 'view' | 'edit';

// Mattermost channel types O, P, D and G.
export type ChannelKind = 'open' | 'private' | 'direct' | 'group';

// The user's channel membership: channel admin, member, guest member
// (SchemeGuest), or not a member at all (a public channel they have not joined).
export type ChannelMembership = 'admin' | 'member' | 'guest' | 'none';

export interface UserFacts {
    id: string;
    isSystemAdmin: boolean;
    isBot: boolean;
    isGuest: boolean;
    isDeactivated: boolean;
}

export interface ChannelFacts {
    kind: ChannelKind;
    isArchived: boolean;
}

export interface DocumentFacts {

    // The user who posted the document.
    ownerId: string;

    // The document's own policy; undefined when none is stored yet.
    policy: EditPolicy | undefined;
}

export interface PolicySettings {
    guestsCanEdit: boolean;
    defaultEditPolicy: EditPolicy;
}

export interface AccessFacts {
    user: UserFacts;
    channel: ChannelFacts;
    membership: ChannelMembership;

    // Mattermost's own read_channel check, so public channels the user has not
    // joined behave exactly as Mattermost shows them.
    hasReadPermission: boolean;

    // Mattermost's create_post check, which carries the channel's moderation.
    canPost: boolean;
    document: DocumentFacts;
    settings: PolicySettings;
}

// What canChangePolicy needs: everything but the document's current policy.
export interface PolicyChangeFacts {
    user: UserFacts;
    channel: ChannelFacts;
    membership: ChannelMembership;
    hasReadPermission: boolean;
    canPost: boolean;
    document: Pick<DocumentFacts, 'ownerId'>;
    settings: Pick<PolicySettings, 'guestsCanEdit'>;
}
