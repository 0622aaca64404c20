// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Keeps a long-open editor saving (issue 15, point 2): before the access token expires, asks the
// server for a fresh one (POST /open again, so rights are checked again) and hands it to the running
// editor with Reset_Access_Token, without reloading the document. Collabora's browser side passes it
// on as `resetaccesstoken <token>` (COOL browser/src/map/handler/Map.WOPI.js) and wsd replaces the
// session's token for every later WOPI call, un-expiring one a 401 had expired
// (COOL wsd/ClientSession.cpp `resetaccesstoken` -> common/Authorization.hpp resetAccessToken).
// Map.WOPI.js ignores the message until the document is loaded, hence `loaded`.
import {useEffect, useRef, useState} from 'react';

import {client} from '../../client';
import type {EditorSession} from '../../client';

import {refreshDelayMs, retryDelayMs} from './token_schedule';

export type TokenRefreshState = {

    // The editor asked to edit and the server now only gives a view token.
    downgraded: boolean;

    // The token expired and no refresh has succeeded since: saves are refused.
    expired: boolean;
    error: string;
};

type Options = {
    fileId: string;
    session: EditorSession | null;
    loaded: boolean;
    post: (messageId: string, values: Record<string, unknown>) => void;
};

const FRESH: TokenRefreshState = {downgraded: false, expired: false, error: ''};

export function useTokenRefresh({fileId, session, loaded, post}: Options): TokenRefreshState {
    const [state, setState] = useState<TokenRefreshState>(FRESH);
    const postRef = useRef(post);
    postRef.current = post;

    useEffect(() => {
        setState(FRESH);
        if (!session || !loaded) {
            return undefined;
        }
        let cancelled = false;
        let timer = 0;
        let expiresAt = session.accessTokenTtl;
        let failures = 0;
        const schedule = (delay: number | null) => {
            if (delay !== null) {
                timer = window.setTimeout(refresh, delay);
            }
        };
        async function refresh() {
            try {
                // The mode the editor runs in: an edit session asks for edit again.
                const fresh = await client.openFile(fileId, session!.mode);
                if (cancelled) {
                    return;
                }
                postRef.current('Reset_Access_Token', {token: fresh.accessToken});
                expiresAt = fresh.accessTokenTtl;
                failures = 0;
                setState({downgraded: session!.mode === 'edit' && fresh.mode === 'view', expired: false, error: ''});
                schedule(refreshDelayMs(expiresAt, Date.now()));
            } catch (err) {
                if (cancelled) {
                    return;
                }
                failures += 1;
                const error = err instanceof Error ? err.message : '';
                if (Date.now() >= expiresAt) {
                    setState((current) => ({...current, expired: true, error}));
                }
                schedule(retryDelayMs(failures, expiresAt, Date.now()));
            }
        }
        schedule(refreshDelayMs(expiresAt, Date.now()));
        return () => {
            cancelled = true;
            window.clearTimeout(timer);
        };
    }, [fileId, session, loaded]);

    return state;
}
