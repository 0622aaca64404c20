// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import type {KeyChoice, ProofSigner} from './proof_signer';
import {encodeUtf7} from './utf7_encode';
import {sendWopiRequest} from './wopi_http';
import type {WopiResponse} from './wopi_http';

// Replays what coolwsd sends to a WOPI host, call by call (wopi-collabora.md 3.0-3.7):
// CheckFileInfo -> Lock -> GetFile -> PutFile ... -> Lock (refresh) -> PutFile (exit) -> Unlock.

export type ProofOptions = {

    // 'none': no proof headers (a Collabora without proof key, or the WOPI validator).
    proofKey?: KeyChoice | 'none';
    proofOldKey?: KeyChoice;

    // e.g. -21 * 60_000 for a stale X-WOPI-TimeStamp.
    timestampOffsetMs?: number;
};

export type SessionOptions = {
    wopiSrc: string;
    accessToken: string;

    // Absolute expiry, ms since epoch; sent as access_token_ttl like the browser does.
    accessTokenTtl?: number;
    permission?: 'edit' | 'readonly' | 'view';
    signer: ProofSigner | null;
    proof?: ProofOptions;

    // Sends X-LOOL-WOPI-* duplicates (storage.wopi.is_legacy_server=true).
    legacyHeaders?: boolean;
    noAuthHeader?: boolean;

    // The document's lock token, when this session joins a document Collabora already holds.
    lockId?: string;

    // Sent on every call, as a proxy between Collabora and the host might add them.
    extraHeaders?: Record<string, string>;
};

export type PutFileOptions = {
    isModifiedByUser?: boolean;
    isAutosave?: boolean;
    isExitSave?: boolean;

    // undefined: the last LastModifiedTime the host gave us (what Collabora does);
    // null: omit it (forced overwrite); a string: send exactly that (e.g. a stale one).
    timestamp?: string | null;
    extendedData?: string;
    proof?: ProofOptions;
};

export class CollaboraSession {
    // One lock token per document for its lifetime: "cool-lock" + random hex (COOL:wsd/Storage.cpp).
    readonly lockId: string;
    lastModifiedTime: string | null = null;
    supportsLocks = true;
    private options: SessionOptions;

    constructor(options: SessionOptions) {
        this.options = options;
        this.lockId = options.lockId ?? `cool-lock${randomBytes(8).toString('hex')}`;
    }

    get accessToken(): string {
        return this.options.accessToken;
    }

    // PostMessage Reset_Access_Token reaches wsd as `resetaccesstoken <token>`
    // (COOL browser/src/map/handler/Map.WOPI.js), and ClientSession replaces the session's
    // Authorization (COOL wsd/ClientSession.cpp -> common/Authorization.hpp resetAccessToken): every
    // later call carries the new token, in access_token and the Bearer header. access_token_ttl
    // stays what the page was loaded with: authorizeURI rewrites access_token only
    // (COOL common/Authorization.cpp).
    resetAccessToken(token: string): void {
        this.options = {...this.options, accessToken: token};
    }

    // The URL as the browser built it (COOL:browser/src/core/Socket.ts): every call carries
    // access_token, access_token_ttl and permission, and the proof covers all of them.
    url(suffix = ''): string {
        const o = this.options;
        const params = [`access_token=${encodeURIComponent(o.accessToken)}`, `access_token_ttl=${o.accessTokenTtl ?? 0}`];
        if (o.permission !== undefined) {
            params.push(`permission=${o.permission}`);
        }
        return `${o.wopiSrc}${suffix}?${params.join('&')}`;
    }

    private headers(url: string, proof: ProofOptions | undefined): Record<string, string> {
        const o = this.options;
        const headers: Record<string, string> = {
            'User-Agent': 'COOLWSD HTTP Agent 24.04.13.2',
            'X-COOL-WOPI-ServerId': 'standin1',
            ...o.extraHeaders,
        };
        if (o.noAuthHeader !== true) {
            headers.Authorization = `Bearer ${o.accessToken}`;
        }
        const p = {...o.proof, ...proof};
        if (o.signer !== null && p.proofKey !== 'none') {
            Object.assign(headers, o.signer.signRequest({
                accessToken: o.accessToken, url,
                proofKey: p.proofKey, proofOldKey: p.proofOldKey, timestampOffsetMs: p.timestampOffsetMs,
            }));
        }
        return headers;
    }

    private async call(method: 'GET' | 'POST', suffix: string, extra: Record<string, string>, body?: Buffer,
        proof?: ProofOptions): Promise<WopiResponse> {
        const url = this.url(suffix);
        return sendWopiRequest(method, url, {...this.headers(url, proof), ...extra}, body);
    }

    private rememberTimestamp(res: WopiResponse): void {
        const json = res.status === 200 ? res.json() : undefined;
        if (typeof json === 'object' && json !== null && 'LastModifiedTime' in json && typeof json.LastModifiedTime === 'string') {
            this.lastModifiedTime = json.LastModifiedTime;
        }
    }

    async checkFileInfo(proof?: ProofOptions): Promise<WopiResponse> {
        const res = await this.call('GET', '', {}, undefined, proof);
        this.rememberTimestamp(res);
        const json = res.status === 200 ? res.json() : undefined;
        if (typeof json === 'object' && json !== null && 'SupportsLocks' in json) {
            this.supportsLocks = json.SupportsLocks === true;
        }
        return res;
    }

    lock(proof?: ProofOptions): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': this.lockId}, Buffer.alloc(0), proof);
    }

    // Collabora refreshes by re-sending LOCK with the same id every 900 s, never REFRESH_LOCK (3.4).
    refreshLock(proof?: ProofOptions): Promise<WopiResponse> {
        return this.lock(proof);
    }

    unlock(proof?: ProofOptions): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': this.lockId}, Buffer.alloc(0), proof);
    }

    getFile(proof?: ProofOptions): Promise<WopiResponse> {
        return this.call('GET', '/contents', {}, undefined, proof);
    }

    async putFile(body: Buffer, options: PutFileOptions = {}): Promise<WopiResponse> {
        const flags: Record<string, string> = {
            IsModifiedByUser: String(options.isModifiedByUser ?? true),
            IsAutosave: String(options.isAutosave ?? false),
            IsExitSave: String(options.isExitSave ?? false),
        };
        const timestamp = options.timestamp === undefined ? this.lastModifiedTime : options.timestamp;
        if (timestamp !== null) {
            flags.Timestamp = timestamp;
        }
        if (options.extendedData !== undefined) {
            flags.ExtendedData = options.extendedData;
        }
        const headers: Record<string, string> = {'X-WOPI-Override': 'PUT', 'Content-Type': 'application/octet-stream'};
        if (this.supportsLocks) {
            headers['X-WOPI-Lock'] = this.lockId;
        }
        for (const [name, value] of Object.entries(flags)) {
            headers[`X-COOL-WOPI-${name}`] = value;
            if (this.options.legacyHeaders === true) {
                headers[`X-LOOL-WOPI-${name}`] = value;
            }
        }
        if (options.isExitSave === true) {
            headers.Connection = 'close';
        }
        const res = await this.call('POST', '/contents', headers, body, options.proof);
        this.rememberTimestamp(res);
        return res;
    }

    // Save As / export: suggested mode only, full UTF-7 name, no lock header (3.6).
    putRelativeFile(body: Buffer, suggestedName: string, proof?: ProofOptions): Promise<WopiResponse> {
        return this.call('POST', '', {
            'X-WOPI-Override': 'PUT_RELATIVE',
            'X-WOPI-SuggestedTarget': encodeUtf7(suggestedName),
            'X-WOPI-Size': String(body.length),
            'Content-Type': 'application/octet-stream',
        }, body, proof);
    }

    // The requested name has no extension; Collabora's upload path may attach the document (3.7).
    renameFile(newNameWithoutExtension: string, options: {body?: Buffer; proof?: ProofOptions} = {}): Promise<WopiResponse> {
        const headers: Record<string, string> = {
            'X-WOPI-Override': 'RENAME_FILE',
            'X-WOPI-RequestedName': encodeUtf7(newNameWithoutExtension),
            'Content-Type': 'application/octet-stream',
        };
        if (this.supportsLocks) {
            headers['X-WOPI-Lock'] = this.lockId;
        }
        return this.call('POST', '', headers, options.body ?? Buffer.alloc(0), options.proof);
    }
}
