// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvGetJson, kvUpdateJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

// WOPI locks (the spec's section on locks; wopi-collabora.md section 7): a lock belongs to the
// document, not to a user, holds an opaque id of up to 1024 characters and expires after 30
// minutes unless refreshed. Kept in the KV store with compare-and-set so that every node sees
// the same lock; never in memory.

export const LOCK_TTL_SECONDS = 30 * 60;

interface LockRecord {
    lockId: string;
    expiresAt: number;
}

export type LockOutcome = {ok: true} | {ok: false; currentLockId: string};

const lockKey = (docId: string): string => `lock:${docId}`;

function live(record: LockRecord | null, now: number): LockRecord | null {
    return record && record.expiresAt > now ? record : null;
}

export class LockStore {
    constructor(private readonly api: PluginApi, private readonly now: () => number = Date.now) {}

    // current returns the id of the live lock, or '' when the document is unlocked.
    async current(docId: string): Promise<string> {
        const got = await kvGetJson<LockRecord>(this.api, lockKey(docId));
        return live(got ? got.value : null, this.now())?.lockId ?? '';
    }

    // lock takes an unlocked document, or refreshes the lock when lockId is the current one.
    async lock(docId: string, lockId: string): Promise<LockOutcome> {
        return this.change(docId, (cur) => (cur === null || cur.lockId === lockId ? lockId : undefined));
    }

    // unlockAndRelock replaces the lock only when oldLockId is the current one.
    async unlockAndRelock(docId: string, oldLockId: string, lockId: string): Promise<LockOutcome> {
        return this.change(docId, (cur) => (cur !== null && cur.lockId === oldLockId ? lockId : undefined));
    }

    async refresh(docId: string, lockId: string): Promise<LockOutcome> {
        return this.change(docId, (cur) => (cur !== null && cur.lockId === lockId ? lockId : undefined));
    }

    async unlock(docId: string, lockId: string): Promise<LockOutcome> {
        return this.change(docId, (cur) => (cur !== null && cur.lockId === lockId ? null : undefined));
    }

    // change applies decide to the live lock: a new lock id to (re)lock, null to unlock,
    // undefined to refuse with the current lock id.
    private async change(docId: string, decide: (cur: LockRecord | null) => string | null | undefined): Promise<LockOutcome> {
        return kvUpdateJson<LockRecord, LockOutcome>(this.api, lockKey(docId), (stored) => {
            const now = this.now();
            const cur = live(stored, now);
            const next = decide(cur);
            if (next === undefined) {
                return {next: undefined, result: {ok: false, currentLockId: cur?.lockId ?? ''}};
            }
            if (next === null) {
                return {next: null, result: {ok: true}};
            }
            return {next: {lockId: next, expiresAt: now + LOCK_TTL_SECONDS * 1000}, result: {ok: true}};
        }, LOCK_TTL_SECONDS);
    }
}
