// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {AccessFacts, ChannelFacts, DocumentFacts, PolicySettings, UserFacts} from '../types';

export const ME = 'user-me';
export const SOMEONE_ELSE = 'user-other';

export interface FactsOverrides {
    user?: Partial<UserFacts>;
    channel?: Partial<ChannelFacts>;
    membership?: AccessFacts['membership'];
    hasReadPermission?: boolean;
    canPost?: boolean;
    document?: Partial<DocumentFacts>;
    settings?: Partial<PolicySettings>;
}

// The baseline persona: an active regular member of an open channel looking at
// someone else's document with no stored policy, under plugin.json defaults.
export function makeFacts(o: FactsOverrides = {}): AccessFacts {
    return {
        user: {id: ME, isSystemAdmin: false, isBot: false, isGuest: false, isDeactivated: false, ...o.user},
        channel: {kind: 'open', isArchived: false, ...o.channel},
        membership: o.membership ?? 'member',
        hasReadPermission: o.hasReadPermission ?? true,
        canPost: o.canPost ?? true,
        document: {ownerId: SOMEONE_ELSE, policy: undefined, ...o.document},
        settings: {guestsCanEdit: false, defaultEditPolicy: 'channel', ...o.settings},
    };
}

export function describeFacts(f: AccessFacts): string {
    const u = f.user;
    const flags = [u.isSystemAdmin && 'sysadmin', u.isBot && 'bot', u.isGuest && 'guest', u.isDeactivated && 'deactivated'].
        filter(Boolean).join('+') || 'regular';
    return [
        flags,
        `${f.channel.kind}${f.channel.isArchived ? '(archived)' : ''}`,
        `membership=${f.membership}`,
        `read=${f.hasReadPermission}`,
        `post=${f.canPost}`,
        f.document.ownerId === u.id ? 'owner' : 'not-owner',
        `policy=${f.document.policy ?? 'absent'}`,
        `guestsCanEdit=${f.settings.guestsCanEdit}`,
        `default=${f.settings.defaultEditPolicy}`,
    ].join(' ');
}
