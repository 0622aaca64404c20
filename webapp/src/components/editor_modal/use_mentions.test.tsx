// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {renderHook, waitFor} from '@testing-library/react';
import React from 'react';
import type {ReactNode} from 'react';
import {IntlProvider} from 'react-intl';
import {Provider} from 'react-redux';

import en from '../../../i18n/en.json';
import {client} from '../../client';
import {baseHostState, makeStore, mockFetch} from '../../../tests/helpers';

import {mentionEntry, useMentions} from './use_mentions';

const people = [
    {userId: 'u2', username: 'bob', displayName: 'Bob Stone', avatarUrl: 'http://localhost:8065/api/v4/users/u2/image?_=0'},
    {userId: 'u3', username: 'bstone', displayName: 'Other Name', avatarUrl: 'http://localhost:8065/api/v4/users/u3/image?_=0'},
];

function start() {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    const host = baseHostState();
    host.entities = {...host.entities, teams: {currentTeamId: 't1', teams: {t1: {name: 'office'}}}};
    const store = makeStore(host);
    const post = jest.fn();
    const onNotice = jest.fn();
    const wrapper = ({children}: {children: ReactNode}) => (
        <Provider store={store}><IntlProvider locale='en' messages={en}>{children}</IntlProvider></Provider>
    );
    const {result} = renderHook(() => useMentions({fileId: 'f1', post, onNotice}), {wrapper});
    return {handle: result.current, post, onNotice};
}

describe('mentions in the editor', () => {
    it('answers Collabora\'s autocomplete with the people the server allows, as Action_Mention', async () => {
        const fetch = mockFetch([{method: 'GET', path: '/api/v1/files/f1/mentionable?term=bs', body: {users: people}}]);
        const {handle, post} = start();
        handle({type: 'autocomplete', text: 'bs'});
        await waitFor(() => expect(post).toHaveBeenCalled());
        expect(fetch.mock.calls[0][0]).toBe('/plugins/com.collaboraonline.mattermost/api/v1/files/f1/mentionable?term=bs');
        const profile = `${window.location.origin}/office/messages/@`;
        expect(post).toHaveBeenCalledWith('Action_Mention', {list: [
            {username: 'bob', profile: `${profile}bob`},
            {username: 'bstone', profile: `${profile}bstone`},
        ]});
    });

    it('labels a person with their name where the name holds what was typed', () => {
        expect(mentionEntry(people[0], 'sto', 'p/')).toEqual({username: 'bob', profile: 'p/bob', label: 'Bob Stone'});
        expect(mentionEntry(people[0], 'bo', '')).toEqual({username: 'bob', profile: '', label: 'Bob Stone'});
        expect(mentionEntry(people[1], 'bst', 'p/')).toEqual({username: 'bstone', profile: 'p/bstone'});
    });

    it('answers an empty list when the server refuses, and never asks with nothing typed', async () => {
        const fetch = mockFetch([{method: 'GET', path: /mentionable/, status: 404, body: {error: 'gone', code: 'FILE_NOT_FOUND'}}]);
        const {handle, post} = start();
        handle({type: 'autocomplete', text: '  '});
        handle({type: 'autocomplete', text: 'bo'});
        await waitFor(() => expect(post).toHaveBeenCalledWith('Action_Mention', {list: []}));
        expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('asks the server to notify the person picked and says so', async () => {
        const fetch = mockFetch([{method: 'POST', path: '/api/v1/files/f1/mentions', body: {notified: true, result: 'notified', user: people[0]}}]);
        const {handle, onNotice} = start();
        handle({type: 'selected', username: 'bob', label: 'Bob Stone'});
        await waitFor(() => expect(onNotice).toHaveBeenCalledWith('@bob was notified in the thread of the document.'));
        expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({username: 'bob'});
    });

    it('stays quiet when the person was already notified, and says why a refusal happened', async () => {
        mockFetch([{method: 'POST', path: '/api/v1/files/f1/mentions', body: {notified: false, result: 'already_notified', user: people[0]}}]);
        const first = start();
        first.handle({type: 'selected', username: 'bob'});
        await new Promise((r) => setTimeout(r, 20));
        expect(first.onNotice).not.toHaveBeenCalled();

        mockFetch([{method: 'POST', path: '/api/v1/files/f1/mentions', status: 403, body: {code: 'NOT_MENTIONABLE', error: '@eve cannot be notified about this document.'}}]);
        const second = start();
        second.handle({type: 'selected', username: 'eve'});
        await waitFor(() => expect(second.onNotice).toHaveBeenCalledWith('@eve was not notified. @eve cannot be notified about this document.'));
    });
});
