// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Mattermost initializes plugins on the login page (root.tsx onConfigLoaded -> initializePlugins;
// /api/v4/plugins/webapp needs no session) and logs in without a reload (login.tsx finishSignin),
// so whatever needs the user's session is loaded when a user appears in the store, not at initialize.
import type {Store} from 'redux';

import {getCurrentUserId} from './selectors';
import type {HostState} from './selectors';

// Calls onUser with the current user id now if someone is logged in, then on every change to
// another non-empty id (login, logout then login as someone else). Returns the unsubscribe.
export function watchCurrentUser(store: Store, onUser: (userId: string) => void): () => void {
    let seen = '';
    const check = () => {
        const userId = getCurrentUserId(store.getState() as HostState);
        if (userId && userId !== seen) {
            seen = userId;
            onUser(userId);
        } else if (!userId) {
            seen = '';
        }
    };
    const unsubscribe = store.subscribe(check);
    check();
    return unsubscribe;
}
