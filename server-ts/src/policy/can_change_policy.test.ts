// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {canChangePolicy} from './can_change_policy';
import {CHANGE_POLICY_REASONS, type ChangePolicyCode} from './reasons';
import {makeFacts, ME, type FactsOverrides} from './testing/builders';

const mine = {ownerId: ME};
const sysadmin = {isSystemAdmin: true};

const cases: Array<[string, FactsOverrides, boolean, ChangePolicyCode]> = [
    ['the owner may change it', {document: mine}, true, 'CHANGE_AS_OWNER'],
    ['a channel admin may change it', {membership: 'admin'}, true, 'CHANGE_AS_CHANNEL_ADMIN'],
    ['a system admin may change it', {user: sysadmin}, true, 'CHANGE_AS_SYSTEM_ADMIN'],
    ['a system admin who has not joined the channel may change it', {user: sysadmin, membership: 'none'}, true, 'CHANGE_AS_SYSTEM_ADMIN'],
    ['another member may not', {}, false, 'NOT_OWNER_OR_ADMIN'],
    ['an "admin" of a direct message may not, not being a channel admin', {channel: {kind: 'direct'}, membership: 'admin'}, false, 'NOT_OWNER_OR_ADMIN'],
    ['the owner of a direct-message document may', {channel: {kind: 'direct'}, document: mine}, true, 'CHANGE_AS_OWNER'],
    ['nobody may in an archived channel, not even the owner', {channel: {isArchived: true}, document: mine}, false, 'CHANNEL_ARCHIVED'],
    ['nobody may in an archived channel, not even a system admin', {user: sysadmin, channel: {isArchived: true}}, false, 'CHANNEL_ARCHIVED'],
    ['a bot that posted the document may not', {user: {isBot: true}, document: mine}, false, 'BOT_VIEW_ONLY'],
    ['a guest owner may not while guests may not edit', {user: {isGuest: true}, membership: 'guest', document: mine}, false, 'GUEST_VIEW_ONLY'],
    ['a guest owner may once guests may edit', {user: {isGuest: true}, membership: 'guest', document: mine, settings: {guestsCanEdit: true}}, true, 'CHANGE_AS_OWNER'],
    ['an owner who may not post may not', {canPost: false, document: mine}, false, 'CANNOT_POST'],
    ['an owner who left a public channel may not', {membership: 'none', document: mine}, false, 'NOT_CHANNEL_MEMBER'],
    ['a deactivated owner may not', {user: {isDeactivated: true}, document: mine}, false, 'USER_DEACTIVATED'],
    ['an owner without read permission may not', {hasReadPermission: false, document: mine}, false, 'NO_CHANNEL_ACCESS'],
];

describe('canChangePolicy, case by case', () => {
    it.each(cases)('%s', (_name, overrides, allowed, code) => {
        expect(canChangePolicy(makeFacts(overrides))).toEqual({allowed, code, reason: CHANGE_POLICY_REASONS[code]});
    });

    it('says so when a channel is archived', () => {
        expect(canChangePolicy(makeFacts({channel: {isArchived: true}})).reason).toBe(
            'This channel is archived, so nobody can change who may edit its documents.');
    });

    it.each(Object.entries(CHANGE_POLICY_REASONS))('%s reads as one short sentence', (_code, reason) => {
        expect(reason).toMatch(/^[A-Z][^\n]{10,120}\.$/);
    });
});
