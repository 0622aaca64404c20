// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {baseHostState} from '../tests/helpers';

import {getPostFiles, getSiteRoot, isChannelAdmin, isSystemAdmin} from './selectors';
import type {HostState} from './selectors';

describe('selectors', () => {
    it.each([
        ['https://mm.example.com', ''],
        ['https://mm.example.com/', ''],
        ['https://mm.example.com/chat/', '/chat'],
        ['', ''],
        ['not a url', ''],
    ])('site root of %p is %p', (siteUrl, root) => {
        const state: HostState = {entities: {general: {config: {SiteURL: siteUrl}}}};
        expect(getSiteRoot(state)).toBe(root);
    });

    it('finds a post\'s files in the files store, else in its metadata', () => {
        const state = baseHostState();
        state.entities!.posts!.posts = {p1: {id: 'p1', metadata: {files: [{id: 'm1'}]}} as never};
        expect(getPostFiles(state, 'p1').map((f) => f.id)).toEqual(['m1']);
        state.entities!.files = {files: {f1: {id: 'f1'} as never}, fileIdsByPostId: {p1: ['f1', 'gone']}};
        expect(getPostFiles(state, 'p1').map((f) => f.id)).toEqual(['f1']);
        expect(getPostFiles(state, 'nope')).toEqual([]);
    });

    it('reads roles', () => {
        const state = baseHostState();
        expect(isSystemAdmin(state)).toBe(false);
        expect(isChannelAdmin(state, 'chan1')).toBe(false);
        state.entities!.users!.profiles!.me = {roles: 'system_user system_admin'};
        state.entities!.channels!.myMembers!.chan1 = {roles: 'channel_user channel_admin'};
        expect(isSystemAdmin(state)).toBe(true);
        expect(isChannelAdmin(state, 'chan1')).toBe(true);
        expect(isChannelAdmin(state, 'other')).toBe(false);
    });
});
