// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Watches the document's WOPI lock while an edit session may be kept read-only by someone else's
// lock (issue 15, point 5): a crashed Collabora leaves a lock that makes every new session read-only
// for up to 30 minutes, silently (COOL wsd/ClientSession.cpp setLockFailed: read-only, no dialog).
// Asked once when an edit session has loaded; polled every 10 s while another session holds the
// lock, for 10 minutes at most (60 requests), then only on demand.
import {useCallback, useEffect, useState} from 'react';

import {client} from '../../client';
import type {LockState} from '../../client';

export const LOCK_POLL_MS = 10_000;
export const LOCK_POLL_WINDOW_MS = 10 * 60_000;

export type LockBannerState =
    | {kind: 'held'; lock: LockState; polling: boolean}

    // The lock went away while the editor is still read-only: only reopening takes it.
    | {kind: 'freed'; polling: boolean};

type Options = {
    fileId: string;

    // An edit session (asked for and granted) whose document has loaded.
    active: boolean;

    // Collabora said our own view is read-only (Views_List / Get_Views_Resp).
    readOnlyReported: boolean;
};

// Someone else's lock keeps this edit session read-only.
export function heldByAnother(lock: LockState, readOnlyReported: boolean): boolean {
    return lock.locked && (lock.contested || readOnlyReported);
}

export function useLockWatch({fileId, active, readOnlyReported}: Options) {
    const [lock, setLock] = useState<LockState | null>(null);
    const [polling, setPolling] = useState(false);
    const [round, setRound] = useState(0);

    useEffect(() => {
        setLock(null);
        if (!active) {
            return undefined;
        }
        let cancelled = false;
        let timer = 0;
        const started = Date.now();
        let relevant = false;
        const check = async () => {
            try {
                const state = await client.getLock(fileId);
                if (cancelled) {
                    return;
                }
                setLock(state);
                relevant = heldByAnother(state, readOnlyReported);
            } catch {
                // No lock state (an older server, a blip): keep the last answer and its polling.
            }
            if (cancelled) {
                return;
            }
            const keepPolling = relevant && Date.now() - started + LOCK_POLL_MS < LOCK_POLL_WINDOW_MS;
            setPolling(keepPolling);
            if (keepPolling) {
                timer = window.setTimeout(check, LOCK_POLL_MS);
            }
        };
        check();
        return () => {
            cancelled = true;
            window.clearTimeout(timer);
        };
    }, [fileId, active, readOnlyReported, round]);

    const checkAgain = useCallback(() => setRound((n) => n + 1), []);

    let banner: LockBannerState | null = null;
    if (active && lock && heldByAnother(lock, readOnlyReported)) {
        banner = {kind: 'held', lock, polling};
    } else if (active && lock && !lock.locked && readOnlyReported) {
        banner = {kind: 'freed', polling};
    }
    return {banner, checkAgain};
}
