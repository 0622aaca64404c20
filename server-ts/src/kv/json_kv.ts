// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {PluginApi} from '../mattermost/plugin_api';

// JSON values in the plugin KV store, changed only by compare-and-set: every node of a cluster
// may change the same record, and the database decides who wins.

export interface Versioned<T> {
    value: T;
    // The exact bytes read, to compare against when writing back.
    raw: Buffer;
}

export class KvConflictError extends Error {
    constructor(key: string) {
        super(`The record ${key} kept changing while it was being updated.`);
        this.name = 'KvConflictError';
    }
}

const MAX_ATTEMPTS = 20;

export async function kvGetJson<T>(api: PluginApi, key: string): Promise<Versioned<T> | null> {
    const raw = await api.kvGet(key);
    if (!raw) {
        return null;
    }
    return {value: JSON.parse(raw.toString('utf8')) as T, raw};
}

// kvUpdateJson reads a record, applies change, and writes it back only if nobody changed it in
// between; otherwise it reads again and retries. change returns the new value, or null to
// delete, or undefined to leave the record as it is.
export async function kvUpdateJson<T, R>(
    api: PluginApi,
    key: string,
    change: (current: T | null) => {next: T | null | undefined; result: R},
    expireInSeconds = 0,
): Promise<R> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const current = await kvGetJson<T>(api, key);
        const {next, result} = change(current ? current.value : null);
        if (next === undefined) {
            return result;
        }
        const value = next === null ? null : Buffer.from(JSON.stringify(next));
        if (value === null && !current) {
            return result;
        }
        const written = await api.kvSetWithOptions(key, value, {atomic: {oldValue: current ? current.raw : null}, expireInSeconds});
        if (written) {
            return result;
        }
        await new Promise((r) => setTimeout(r, Math.min(5 * 2 ** attempt, 200) * Math.random()));
    }
    throw new KvConflictError(key);
}
