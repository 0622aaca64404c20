// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {canEdit, canView, decideAccess, effectivePolicy} from './decide_access';
import type {EditPolicy} from './edit_policy';
import {ACCESS_REASONS, type AccessCode} from './reasons';
import {makeFacts, ME, type FactsOverrides} from './testing/builders';
import type {Access} from './types';

// Cases a reviewer can read one by one. The baseline (see makeFacts) is an
// active member of an open channel viewing someone else's document that has
// no policy of its own, with guests not allowed to edit and default 'channel'.

const mine = {ownerId: ME};
const sysadmin = {isSystemAdmin: true};
const guest = {isGuest: true};

const cases: Array<[string, FactsOverrides, Access, AccessCode]> = [
    // Default policy and plain membership.
    ['member of an open channel edits under the default policy', {}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],
    ['member of a private channel edits', {channel: {kind: 'private'}}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],
    ['member of a direct message edits', {channel: {kind: 'direct'}}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],
    ['member of a group message edits', {channel: {kind: 'group'}}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],

    // No access at all.
    ['deactivated user gets nothing, even as owner', {user: {isDeactivated: true}, document: mine}, 'none', 'USER_DEACTIVATED'],
    ['deactivated system admin gets nothing', {user: {...sysadmin, isDeactivated: true}}, 'none', 'USER_DEACTIVATED'],
    ['deactivated bot gets nothing', {user: {isBot: true, isDeactivated: true}}, 'none', 'USER_DEACTIVATED'],
    ['user without read permission gets nothing, even as owner', {hasReadPermission: false, document: mine}, 'none', 'NO_CHANNEL_ACCESS'],
    ['system admin without read permission gets nothing', {user: sysadmin, hasReadPermission: false}, 'none', 'NO_CHANNEL_ACCESS'],
    ['former member of a private channel gets nothing', {channel: {kind: 'private'}, membership: 'none', hasReadPermission: false}, 'none', 'NO_CHANNEL_ACCESS'],

    // Archived channels are read-only for everyone.
    ['member of an archived channel views only', {channel: {isArchived: true}}, 'view', 'CHANNEL_ARCHIVED'],
    ['owner in an archived channel views only', {channel: {isArchived: true}, document: mine}, 'view', 'CHANNEL_ARCHIVED'],
    ['channel admin in an archived channel views only', {channel: {isArchived: true}, membership: 'admin'}, 'view', 'CHANNEL_ARCHIVED'],
    ['system admin in an archived channel views only', {user: sysadmin, channel: {isArchived: true}}, 'view', 'CHANNEL_ARCHIVED'],
    ['a guest in an archived channel is told about the archive first', {user: guest, membership: 'guest', channel: {isArchived: true}}, 'view', 'CHANNEL_ARCHIVED'],

    // Bots.
    ['bot views only', {user: {isBot: true}}, 'view', 'BOT_VIEW_ONLY'],
    ['bot that posted the document views only', {user: {isBot: true}, document: mine}, 'view', 'BOT_VIEW_ONLY'],
    ['bot with a system admin role views only', {user: {isBot: true, ...sysadmin}}, 'view', 'BOT_VIEW_ONLY'],

    // Guests.
    ['guest views only by default', {user: guest, membership: 'guest'}, 'view', 'GUEST_VIEW_ONLY'],
    ['guest owner views only when guests may not edit', {user: guest, membership: 'guest', document: mine}, 'view', 'GUEST_VIEW_ONLY'],
    ['a guest membership alone makes the guest rule apply', {membership: 'guest'}, 'view', 'GUEST_VIEW_ONLY'],
    ['guest edits when the admin allows guests to edit', {user: guest, membership: 'guest', settings: {guestsCanEdit: true}}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],
    ['allowed guest still follows an owner-only policy', {user: guest, membership: 'guest', settings: {guestsCanEdit: true}, document: {policy: 'owner'}}, 'view', 'POLICY_OWNER_ONLY'],
    ['allowed guest owner edits under an owner-only policy', {user: guest, membership: 'guest', settings: {guestsCanEdit: true}, document: {...mine, policy: 'owner'}}, 'edit', 'EDIT_AS_OWNER'],
    ['allowed guest in a moderated channel views only', {user: guest, membership: 'guest', settings: {guestsCanEdit: true}, canPost: false}, 'view', 'CANNOT_POST'],

    // Moderation and membership.
    ['member who may not post views only', {canPost: false}, 'view', 'CANNOT_POST'],
    ['owner who may not post views only', {canPost: false, document: mine}, 'view', 'CANNOT_POST'],
    ['channel admin who may not post views only', {canPost: false, membership: 'admin'}, 'view', 'CANNOT_POST'],
    ['reader of a public channel they have not joined views only', {membership: 'none'}, 'view', 'NOT_CHANNEL_MEMBER'],
    ['owner who left a public channel views only', {membership: 'none', document: mine}, 'view', 'NOT_CHANNEL_MEMBER'],

    // System admins.
    ['system admin edits in a channel they have not joined', {user: sysadmin, membership: 'none'}, 'edit', 'EDIT_AS_SYSTEM_ADMIN'],
    ['system admin edits in a moderated channel', {user: sysadmin, canPost: false}, 'edit', 'EDIT_AS_SYSTEM_ADMIN'],
    ['system admin edits an owner-only document', {user: sysadmin, document: {policy: 'owner'}}, 'edit', 'EDIT_AS_SYSTEM_ADMIN'],
    ['system admin edits even a view-only document', {user: sysadmin, document: {policy: 'view_only'}}, 'edit', 'EDIT_AS_SYSTEM_ADMIN'],

    // The document's policy.
    ['owner-only: the owner edits', {document: {...mine, policy: 'owner'}}, 'edit', 'EDIT_AS_OWNER'],
    ['owner-only: another member views', {document: {policy: 'owner'}}, 'view', 'POLICY_OWNER_ONLY'],
    ['owner-only: a channel admin views', {membership: 'admin', document: {policy: 'owner'}}, 'view', 'POLICY_OWNER_ONLY'],
    ['owner and admins: the owner edits', {document: {...mine, policy: 'owner_and_admins'}}, 'edit', 'EDIT_AS_OWNER'],
    ['owner and admins: a channel admin edits', {membership: 'admin', document: {policy: 'owner_and_admins'}}, 'edit', 'EDIT_AS_CHANNEL_ADMIN'],
    ['owner and admins: a member views', {document: {policy: 'owner_and_admins'}}, 'view', 'POLICY_OWNER_AND_ADMINS'],
    ['owner and admins: an "admin" in a direct message is no channel admin', {channel: {kind: 'direct'}, membership: 'admin', document: {policy: 'owner_and_admins'}}, 'view', 'POLICY_OWNER_AND_ADMINS'],
    ['owner and admins: an "admin" in a group message is no channel admin', {channel: {kind: 'group'}, membership: 'admin', document: {policy: 'owner_and_admins'}}, 'view', 'POLICY_OWNER_AND_ADMINS'],
    ['view only: the owner views', {document: {...mine, policy: 'view_only'}}, 'view', 'POLICY_VIEW_ONLY'],
    ['view only: a channel admin views', {membership: 'admin', document: {policy: 'view_only'}}, 'view', 'POLICY_VIEW_ONLY'],
    ['channel: the owner edits as a member of the channel', {document: {...mine, policy: 'channel'}}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],

    // Default policy versus stored policy.
    ['no stored policy uses an owner-only default', {settings: {defaultEditPolicy: 'owner'}}, 'view', 'POLICY_OWNER_ONLY'],
    ['no stored policy uses a view-only default', {document: mine, settings: {defaultEditPolicy: 'view_only'}}, 'view', 'POLICY_VIEW_ONLY'],
    ['a stored policy wins over the default', {document: {policy: 'channel'}, settings: {defaultEditPolicy: 'owner'}}, 'edit', 'EDIT_AS_CHANNEL_MEMBER'],

    // Identity edge cases.
    ['an empty owner id never matches an empty user id', {user: {id: ''}, document: {ownerId: '', policy: 'owner'}}, 'view', 'POLICY_OWNER_ONLY'],
];

describe('decideAccess, case by case', () => {
    it.each(cases)('%s', (_name, overrides, access, code) => {
        const decision = decideAccess(makeFacts(overrides));
        expect(decision).toEqual({access, code, reason: ACCESS_REASONS[code]});
    });
});

describe('values that slipped past validation', () => {
    const unreadable = 'Everyone' as EditPolicy;

    it('an unreadable stored policy lets only the owner edit', () => {
        expect(decideAccess(makeFacts({document: {policy: unreadable}})).code).toBe('POLICY_OWNER_ONLY');
        expect(decideAccess(makeFacts({document: {...mine, policy: unreadable}})).code).toBe('EDIT_AS_OWNER');
    });

    it('an unreadable default lets only the owner edit', () => {
        expect(decideAccess(makeFacts({settings: {defaultEditPolicy: unreadable}})).code).toBe('POLICY_OWNER_ONLY');
    });

    it('effectivePolicy reports the policy that applied', () => {
        expect(effectivePolicy(makeFacts({settings: {defaultEditPolicy: 'view_only'}}))).toBe('view_only');
        expect(effectivePolicy(makeFacts({document: {policy: 'owner_and_admins'}}))).toBe('owner_and_admins');
    });
});

describe('canView and canEdit', () => {
    it('say yes to viewing and no to editing for a view-only member, with the reason', () => {
        const facts = makeFacts({channel: {isArchived: true}});
        expect(canView(facts)).toEqual({allowed: true, code: 'CHANNEL_ARCHIVED', reason: ACCESS_REASONS.CHANNEL_ARCHIVED});
        expect(canEdit(facts)).toEqual({allowed: false, code: 'CHANNEL_ARCHIVED', reason: ACCESS_REASONS.CHANNEL_ARCHIVED});
    });

    it('say no to both without read permission', () => {
        const facts = makeFacts({hasReadPermission: false});
        expect(canView(facts).allowed).toBe(false);
        expect(canEdit(facts).allowed).toBe(false);
    });

    it('say yes to both for an editor', () => {
        expect(canView(makeFacts()).allowed).toBe(true);
        expect(canEdit(makeFacts()).allowed).toBe(true);
    });
});

describe('reason sentences', () => {
    it.each(Object.entries(ACCESS_REASONS))('%s reads as one short sentence', (_code, reason) => {
        expect(reason).toMatch(/^[A-Z][^\n]{10,110}\.$/);
    });

    it('uses the example sentence for archived channels', () => {
        expect(ACCESS_REASONS.CHANNEL_ARCHIVED).toBe('This channel is archived, so its documents are read-only.');
    });
});
