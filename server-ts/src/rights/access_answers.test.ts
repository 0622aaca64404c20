// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel, ChannelMembership} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';

import {MattermostError} from '../mattermost/plugin_api';

import {accessFactsFrom, rightsFrom, valueOrNull, type AccessAnswers} from './access_answers';

const settings = {guestsCanEdit: false, defaultEditPolicy: 'channel' as const};
const doc = {ownerId: 'owner', policy: undefined};
const answers = (over: Partial<AccessAnswers> = {}): AccessAnswers => ({
    user: {id: 'u1', roles: 'system_user', delete_at: 0, is_bot: false} as UserProfile,
    channel: {id: 'c1', type: 'O', delete_at: 0} as Channel,
    member: {roles: 'channel_user', scheme_admin: false} as ChannelMembership,
    canRead: true,
    canReadPublic: true,
    canPost: true,
    ...over,
});

describe('rights from Mattermost answers', () => {
    it('reads a gathered answer as a single call would: 404 and 400 are "none", others fail', () => {
        expect(valueOrNull({value: 1})).toBe(1);
        expect(valueOrNull(undefined)).toBeNull();
        expect(valueOrNull({error: new MattermostError('x', 404, 'a')})).toBeNull();
        expect(valueOrNull({error: new MattermostError('x', 400, 'a')})).toBeNull();
        expect(() => valueOrNull({error: new MattermostError('db down', 500, 'a')})).toThrow('db down');
    });

    it('lets a member edit, and refuses each way Mattermost takes access away', () => {
        expect(rightsFrom(answers(), doc, settings).decision.access).toBe('edit');
        expect(rightsFrom(answers({user: null}), doc, settings).decision).toMatchObject({access: 'none', code: 'NO_CHANNEL_ACCESS'});
        expect(rightsFrom(answers({channel: null}), doc, settings).decision.access).toBe('none');
        expect(rightsFrom(answers({user: {...answers().user!, delete_at: 5}}), doc, settings).decision.code).toBe('USER_DEACTIVATED');
        expect(rightsFrom(answers({channel: {...answers().channel!, delete_at: 5}}), doc, settings).decision).toMatchObject({access: 'view', code: 'CHANNEL_ARCHIVED'});
        // Removed from a private channel: no read permission, no membership.
        const removed = answers({channel: {...answers().channel!, type: 'P'}, member: null, canRead: false, canPost: false});
        expect(rightsFrom(removed, doc, settings).decision.access).toBe('none');
        // Left the team: Mattermost grants read_public_channel no more.
        expect(rightsFrom(answers({member: null, canRead: false, canReadPublic: false}), doc, settings).decision.access).toBe('none');
        // A team member reading a public channel they have not joined views it.
        expect(rightsFrom(answers({member: null, canRead: false, canPost: false}), doc, settings).decision).toMatchObject({access: 'view', code: 'NOT_CHANNEL_MEMBER'});
    });

    it('translates memberships and roles into the policy vocabulary', () => {
        const f = accessFactsFrom(answers({member: {roles: 'channel_user channel_admin', scheme_admin: false} as ChannelMembership, user: {...answers().user!, roles: 'system_guest'}}), doc, settings);
        expect(f).toMatchObject({membership: 'admin', user: {isGuest: true}, channel: {kind: 'open'}});
        expect(accessFactsFrom(answers({member: {roles: '', scheme_guest: true} as unknown as ChannelMembership}), doc, settings)?.membership).toBe('guest');
        expect(accessFactsFrom(answers({channel: {...answers().channel!, type: 'X' as never}}), doc, settings)?.channel.kind).toBe('private');
    });
});
