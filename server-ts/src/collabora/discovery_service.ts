// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash} from 'node:crypto';

import type {Settings} from '../config/settings';
import type {Logger} from '../logger';
import type {PluginApi} from '../mattermost/plugin_api';

import {parseDiscovery, MAX_DISCOVERY_BYTES} from './discovery_parser';
import type {Discovery} from './discovery_types';
import {fetchText} from './http_fetch';
import {importProofKeys, type ProofKeySet} from './proof_keys';

// Discovery is cached in memory and in the KV store (so a node that starts while Collabora is
// briefly down still knows the formats and proof keys), refreshed periodically, and refetched
// once when a proof fails (Collabora may have rotated its key). Collabora being down never
// blocks activation: the status says why.
//
// When a fetch fails (unreachable, an HTTP error, or an answer that is no discovery), the two
// uses part ways: proof keys keep coming from the cache, so editing sessions that are open keep
// saving, while get() (new editors, formats) answers null with the reason until a fetch
// succeeds again; it retries at most every MIN_REFETCH_INTERVAL_MS, so the plugin recovers by
// itself once Collabora is back.

const CACHE_KEY = 'discovery_cache';
export const REFRESH_AFTER_MS = 60 * 60 * 1000;
// A proof failure may refetch at most this often, so bad requests cannot hammer Collabora.
const MIN_REFETCH_INTERVAL_MS = 30 * 1000;

interface CachedDiscovery {
    url: string;
    fetchedAt: number;
    xml: string;
}

export interface DiscoveryStatus {
    ok: boolean;
    url: string;
    fetchedAt: number | null;
    error: string | null;
}

export function discoveryUrl(settings: Settings): string {
    const base = settings.collaboraInternalUrl || settings.collaboraUrl;
    return base ? `${base}/hosting/discovery` : '';
}

export class DiscoveryService {
    private cached: {entry: CachedDiscovery; discovery: Discovery; keys: ProofKeySet | null; keyId: string | null} | null = null;
    private lastError: string | null = null;
    private lastAttempt = 0;
    // The URL of the last attempt: the retry interval applies per URL, so a new setting is
    // fetched at once even right after the old URL failed.
    private lastAttemptUrl = '';
    // True while the last fetch of the cached URL failed.
    private failing = false;
    private inflight: Promise<void> | null = null;

    constructor(private readonly api: PluginApi, private readonly settings: () => Settings, private readonly log: Logger, private readonly now: () => number = Date.now) {}

    status(): DiscoveryStatus {
        const url = discoveryUrl(this.settings());
        const cur = this.current();
        const fresh = cur && !this.failing ? cur : null;
        return {ok: Boolean(fresh), url, fetchedAt: cur?.entry.fetchedAt ?? null, error: fresh ? null : this.lastError ?? (url ? 'Discovery has not been fetched yet.' : 'The Collabora Online URL is not set.')};
    }

    // get returns the current discovery, fetching it when missing or due; null when unknown or
    // when Collabora's discovery failed at the last attempt (status() says why).
    async get(): Promise<Discovery | null> {
        await this.ensure(true);
        return this.failing ? null : this.current()?.discovery ?? null;
    }

    // proofKeys returns the keys to verify Collabora's requests with: the cached ones even while
    // discovery fails, so that open editing sessions keep saving through an outage.
    async proofKeys(): Promise<ProofKeySet | null> {
        await this.ensure(false);
        return this.current()?.keys ?? null;
    }

    // proofKeySource says which keys proofs are checked with, for the log line of a refused
    // proof: where and when they were fetched, and a short fingerprint of the current key.
    proofKeySource(): {url: string; fetchedAt: string | null; keyId: string | null} {
        const cur = this.current();
        return {url: discoveryUrl(this.settings()), fetchedAt: cur ? new Date(cur.entry.fetchedAt).toISOString() : null, keyId: cur?.keyId ?? null};
    }

    // refetchAfterProofFailure fetches again (rate limited); true when the keys changed.
    async refetchAfterProofFailure(): Promise<boolean> {
        const before = this.current()?.entry.xml;
        if (this.now() - this.lastAttempt < MIN_REFETCH_INTERVAL_MS) {
            return false;
        }
        await this.refresh();
        return this.current()?.entry.xml !== before;
    }

    private current() {
        const url = discoveryUrl(this.settings());
        return this.cached && this.cached.entry.url === url ? this.cached : null;
    }

    // ensure makes discovery current: concurrent callers share one fetch, and after a failure
    // callers fail fast until the retry interval has passed. retryFailed: also fetch again when
    // the last fetch failed, even though the cache is not due yet. With cached keys, proof checks
    // never wait for a fetch: a hanging Collabora must not stall saves.
    private async ensure(retryFailed: boolean): Promise<void> {
        const url = discoveryUrl(this.settings());
        if (this.inflight && (retryFailed || !this.current())) {
            await this.inflight;
        }
        if (!this.current()) {
            await this.loadFromKv();
        }
        const cur = this.current();
        const due = !cur || this.now() - cur.entry.fetchedAt >= REFRESH_AFTER_MS || (retryFailed && this.failing);
        if (!due) {
            return;
        }
        if (this.now() - this.lastAttempt < MIN_REFETCH_INTERVAL_MS && this.lastAttemptUrl === url && !this.inflight) {
            return;
        }
        if (cur && !retryFailed) {
            void this.refresh().catch(() => undefined);
            return;
        }
        await this.refresh();
    }

    async refresh(): Promise<void> {
        if (!this.inflight) {
            this.inflight = this.fetchNow().finally(() => { this.inflight = null; });
        }
        await this.inflight;
    }

    private async fetchNow(): Promise<void> {
        const settings = this.settings();
        const url = discoveryUrl(settings);
        this.lastAttempt = this.now();
        this.lastAttemptUrl = url;
        if (!url) {
            this.lastError = 'The Collabora Online URL is not set.';
            return;
        }
        try {
            const res = await fetchText(url, {skipTlsVerify: settings.skipTlsVerify, timeoutMs: 10_000, maxBytes: MAX_DISCOVERY_BYTES});
            if (res.status !== 200) {
                throw new Error(`${url} answered HTTP ${res.status}`);
            }
            const entry = {url, fetchedAt: this.now(), xml: res.body};
            if (!this.accept(entry)) {
                return;
            }
            await this.api.kvSetWithOptions(CACHE_KEY, Buffer.from(JSON.stringify(entry)));
        } catch (err) {
            this.failing = true;
            this.lastError = `Collabora Online's discovery could not be fetched from ${url}: ${err instanceof Error ? err.message : String(err)}`;
            this.log.warn('Discovery fetch failed', {url, error: this.lastError});
        }
    }

    private accept(entry: CachedDiscovery): boolean {
        const parsed = parseDiscovery(entry.xml);
        if (!parsed.ok) {
            this.failing = true;
            this.lastError = `Collabora Online's discovery at ${entry.url} is not usable: ${parsed.error}`;
            this.log.warn('Discovery rejected', {url: entry.url, error: parsed.error});
            return false;
        }
        let keys: ProofKeySet | null = null;
        if (parsed.discovery.proofKey) {
            const imported = importProofKeys(parsed.discovery.proofKey);
            if (imported.ok) {
                keys = imported.keys;
            } else {
                this.log.warn('Discovery proof key is unusable', {error: imported.reason});
            }
        }
        const keyId = keys ? createHash('sha256').update(keys.current.export({type: 'spki', format: 'der'})).digest('hex').slice(0, 12) : null;
        this.cached = {entry, discovery: parsed.discovery, keys, keyId};
        this.lastError = null;
        this.failing = false;
        return true;
    }

    private async loadFromKv(): Promise<void> {
        const raw = await this.api.kvGet(CACHE_KEY);
        if (!raw) {
            return;
        }
        try {
            const entry = JSON.parse(raw.toString('utf8')) as CachedDiscovery;
            if (entry.url === discoveryUrl(this.settings())) {
                this.accept(entry);
            }
        } catch {
            // A damaged cache entry is refetched.
        }
    }
}
