// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {legacy_createStore as createStore} from 'redux';

import type {HostState} from './selectors';
import {watchCurrentUser} from './user_watch';

type Action = {type: 'login' | 'logout'; userId?: string} | {type: 'other'};
const reducer = (state: HostState = {entities: {users: {currentUserId: ''}}}, action: Action): HostState => {
    if (action.type === 'login') {
        return {entities: {users: {currentUserId: action.userId}}};
    }
    if (action.type === 'logout') {
        return {entities: {users: {currentUserId: ''}}};
    }
    return {...state};
};

it('waits for a login, then follows user switches, ignoring unrelated actions', () => {
    const store = createStore(reducer);
    const onUser = jest.fn();
    const stop = watchCurrentUser(store, onUser);
    expect(onUser).not.toHaveBeenCalled();
    store.dispatch({type: 'login', userId: 'ana'});
    store.dispatch({type: 'other'});
    expect(onUser.mock.calls).toEqual([['ana']]);
    store.dispatch({type: 'logout'});
    store.dispatch({type: 'login', userId: 'ben'});
    store.dispatch({type: 'logout'});
    store.dispatch({type: 'login', userId: 'ben'});
    expect(onUser.mock.calls).toEqual([['ana'], ['ben'], ['ben']]);
    stop();
    store.dispatch({type: 'login', userId: 'cy'});
    expect(onUser).toHaveBeenCalledTimes(3);
});

it('fires at once when a user is already logged in', () => {
    const store = createStore(reducer, {entities: {users: {currentUserId: 'ana'}}} as HostState);
    const onUser = jest.fn();
    watchCurrentUser(store, onUser);
    expect(onUser.mock.calls).toEqual([['ana']]);
});
