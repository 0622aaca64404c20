// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {DEFAULT_LOCK_TTL_SECONDS} from '../config/settings';
import {kvGetJson, kvUpdateJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

// WOPI locks (the spec's section on locks; wopi-collabora.md section 7): a lock belongs to the
// document, not to a user, holds an opaque id of up to 1024 characters and expires after 30
// minutes unless refreshed. Kept in the KV store with compare-and-set so that every node sees
// the same lock; never in memory.
//
// A lapsed lock is kept (not live) for as long as a token could still present it: Collabora
// refreshes from the session it picks, and skips the refresh when that session is read-only
// (COOL:wsd/DocumentBroker.cpp, getWriteableSession prefers the owner's session,
// updateStorageLockState refuses to LOCK from a read-only one). The lock then lapses while
// colleagues still edit; their next save presents the same id and takes the document again,
// unless someone else took it meanwhile or a person released it.

interface LockRecord {
    lockId: string;
    expiresAt: number;
    // Who took it and since when: shown to people whose editor opened read-only because of it.
    userId?: string;
    lockedAt?: number;
    // Released from Mattermost: the id never takes the document again.
    releasedAt?: number;
    // Another Collabora session (another lock id) was refused while this lock held.
    contestedAt?: number;
}

export type LockOutcome = {ok: true} | {ok: false; currentLockId: string};

export interface LockState {
    lockId: string;
    userId: string;
    lockedAt: number;
    expiresAt: number;
    contested: boolean;
}

export interface LockTimes {
    // How long a lock lives unless refreshed.
    ttlSeconds: number;
    // How long a lapsed lock's id may still take the document back (the token lifetime).
    reclaimSeconds: number;
}

const lockKey = (docId: string): string => `lock:${docId}`;

const isLive = (record: LockRecord | null, now: number): record is LockRecord => record !== null && record.releasedAt === undefined && record.expiresAt > now;

// A lock that lapsed without an Unlock and was not released: its id may take the document back.
const isLapsed = (record: LockRecord | null, now: number): record is LockRecord => record !== null && record.releasedAt === undefined && record.expiresAt <= now;

type Decision = {take: string} | {keep: true} | {unlock: true} | {refuse: true; contested?: boolean} | {release: true};

export class LockStore {
    constructor(
        private readonly api: PluginApi,
        private readonly now: () => number = Date.now,
        private readonly times: () => LockTimes = () => ({ttlSeconds: DEFAULT_LOCK_TTL_SECONDS, reclaimSeconds: 10 * 60 * 60}),
    ) {}

    // current returns the id of the live lock, or '' when the document is unlocked.
    async current(docId: string): Promise<string> {
        return (await this.state(docId))?.lockId ?? '';
    }

    // state describes the live lock, or null.
    async state(docId: string): Promise<LockState | null> {
        const got = await kvGetJson<LockRecord>(this.api, lockKey(docId));
        const record = got ? got.value : null;
        if (!isLive(record, this.now())) {
            return null;
        }
        return {lockId: record.lockId, userId: record.userId ?? '', lockedAt: record.lockedAt ?? 0, expiresAt: record.expiresAt, contested: record.contestedAt !== undefined};
    }

    // lock takes an unlocked document, or refreshes the lock when lockId is the current one. A
    // different id is refused, and the refusal is remembered: a second Collabora session means
    // the holder is probably a crashed one.
    async lock(docId: string, lockId: string, userId: string): Promise<LockOutcome> {
        return this.change(docId, userId, (cur, now) => {
            if (isLive(cur, now)) {
                return cur.lockId === lockId ? {keep: true} : {refuse: true, contested: true};
            }
            return {take: lockId};
        });
    }

    // refresh extends the lock when lockId is the live one, or takes the document back when
    // lockId is the lock that lapsed and nobody took it since.
    async refresh(docId: string, lockId: string, userId: string): Promise<LockOutcome> {
        return this.change(docId, userId, (cur, now) => ((isLive(cur, now) || isLapsed(cur, now)) && cur.lockId === lockId ? {keep: true} : {refuse: true}));
    }

    // holds is the check of a save: the live lock is lockId (nothing is written), or lockId is
    // the lapsed lock, which then locks the document again.
    async holds(docId: string, lockId: string, userId: string): Promise<LockOutcome> {
        const got = await kvGetJson<LockRecord>(this.api, lockKey(docId));
        const now = this.now();
        if (got && isLive(got.value, now) && got.value.lockId === lockId) {
            return {ok: true};
        }
        return this.refresh(docId, lockId, userId);
    }

    // unlockAndRelock replaces the lock only when oldLockId is the current one.
    async unlockAndRelock(docId: string, oldLockId: string, lockId: string, userId: string): Promise<LockOutcome> {
        return this.change(docId, userId, (cur, now) => (isLive(cur, now) && cur.lockId === oldLockId ? {take: lockId} : {refuse: true}));
    }

    async unlock(docId: string, lockId: string): Promise<LockOutcome> {
        return this.change(docId, '', (cur, now) => (isLive(cur, now) && cur.lockId === lockId ? {unlock: true} : {refuse: true}));
    }

    // release ends the live lock for good, whoever holds it: its id can no longer save or take
    // the document back. Returns the lock that was released, or null when there was none.
    async release(docId: string): Promise<LockState | null> {
        const before = await this.state(docId);
        if (!before) {
            return null;
        }
        const outcome = await this.change(docId, '', (cur, now) => (isLive(cur, now) && cur.lockId === before.lockId ? {release: true} : {refuse: true}));
        return outcome.ok ? before : null;
    }

    // change applies decide to the stored record. The record outlives the lock by the reclaim
    // time, so that a lapsed id can take the document back.
    private async change(docId: string, userId: string, decide: (cur: LockRecord | null, now: number) => Decision): Promise<LockOutcome> {
        const {ttlSeconds, reclaimSeconds} = this.times();
        const keepSeconds = ttlSeconds + reclaimSeconds;
        return kvUpdateJson<LockRecord, LockOutcome>(this.api, lockKey(docId), (stored) => {
            const now = this.now();
            const decision = decide(stored, now);
            const expiresAt = now + ttlSeconds * 1000;
            if ('refuse' in decision) {
                const currentLockId = isLive(stored, now) ? stored.lockId : '';
                const mark = decision.contested === true && isLive(stored, now) && stored.contestedAt === undefined;
                return {next: mark ? {...stored, contestedAt: now} : undefined, result: {ok: false, currentLockId}};
            }
            if ('unlock' in decision) {
                return {next: null, result: {ok: true}};
            }
            if ('release' in decision) {
                return {next: {...(stored as LockRecord), releasedAt: now}, result: {ok: true}};
            }
            if ('keep' in decision) {
                return {next: {...(stored as LockRecord), expiresAt}, result: {ok: true}};
            }
            return {next: {lockId: decision.take, expiresAt, userId, lockedAt: now}, result: {ok: true}};
        }, keepSeconds);
    }
}
