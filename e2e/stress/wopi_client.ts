// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// What Collabora sends to the plugin, aimed at any Mattermost node: the proof signs the URL
// Collabora was given (the Site URL's WOPISrc, as behind a load balancer), while the request
// goes to the node picked by the test. Calls follow e2e/collabora's CollaboraSession.

import {randomBytes} from 'node:crypto';

import {encodeUtf7, sendWopiRequest, type KeyChoice, type ProofSigner, type WopiResponse} from '../collabora';

export type ProofChoice = KeyChoice | 'none';

export interface WopiTarget {
    // The Site URL Collabora was given (signed), e.g. http://127.0.0.1:8566.
    siteUrl: string;
    // The node that receives the request; defaults to siteUrl.
    nodeUrl?: string;
    pluginId: string;
    signer: ProofSigner;
}

export function wopiPath(pluginId: string, docId: string, suffix = ''): string {
    return `/plugins/${pluginId}/wopi/files/${docId}${suffix}`;
}

export function queryFor(token: string, ttl: number): string {
    return `access_token=${encodeURIComponent(token)}&access_token_ttl=${ttl}`;
}

// signedCall sends one WOPI request whose request-target is exactly `pathAndQuery`.
export function signedCall(target: WopiTarget, method: 'GET' | 'POST', pathAndQuery: string, token: string,
    headers: Record<string, string>, body?: Buffer, proof: ProofChoice = 'current'): Promise<WopiResponse> {
    const all: Record<string, string> = {'User-Agent': 'COOLWSD HTTP Agent 24.04.13.2', 'X-COOL-WOPI-ServerId': 'stress', ...headers};
    if (proof !== 'none') {
        Object.assign(all, target.signer.signRequest({accessToken: token, url: target.siteUrl + pathAndQuery, proofKey: proof, proofOldKey: proof}));
    }
    return sendWopiRequest(method, (target.nodeUrl ?? target.siteUrl) + pathAndQuery, all, body);
}

export interface PutResult {
    res: WopiResponse;
    lastModified: string | null;
}

// One Collabora editing session of one document: a lock id for its lifetime and the last
// LastModifiedTime the host gave, sent back with each save.
export class WopiSession {
    lastModifiedTime: string | null = null;

    constructor(public target: WopiTarget, readonly docId: string, readonly token: string, readonly ttl: number,
        readonly lockId = `cool-lock${randomBytes(8).toString('hex')}`) {}

    private call(method: 'GET' | 'POST', suffix: string, headers: Record<string, string>, body?: Buffer): Promise<WopiResponse> {
        return signedCall(this.target, method, `${wopiPath(this.target.pluginId, this.docId, suffix)}?${queryFor(this.token, this.ttl)}`, this.token, headers, body);
    }

    private remember(res: WopiResponse): void {
        const json = res.status === 200 ? res.json() : undefined;
        if (typeof json === 'object' && json !== null && 'LastModifiedTime' in json && typeof json.LastModifiedTime === 'string') {
            this.lastModifiedTime = json.LastModifiedTime;
        }
    }

    async checkFileInfo(): Promise<WopiResponse> {
        const res = await this.call('GET', '', {});
        this.remember(res);
        return res;
    }

    lock(lockId = this.lockId): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': lockId}, Buffer.alloc(0));
    }

    unlock(): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': this.lockId}, Buffer.alloc(0));
    }

    getLock(): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'GET_LOCK'}, Buffer.alloc(0));
    }

    getFile(): Promise<WopiResponse> {
        return this.call('GET', '/contents', {});
    }

    // timestamp: undefined sends the last LastModifiedTime (as Collabora does), null none.
    async putFile(body: Buffer, options: {timestamp?: string | null; exit?: boolean; autosave?: boolean} = {}): Promise<WopiResponse> {
        const headers: Record<string, string> = {
            'X-WOPI-Override': 'PUT',
            'X-WOPI-Lock': this.lockId,
            'Content-Type': 'application/octet-stream',
            'X-COOL-WOPI-IsModifiedByUser': 'true',
            'X-COOL-WOPI-IsAutosave': String(options.autosave === true),
            'X-COOL-WOPI-IsExitSave': String(options.exit === true),
        };
        const stamp = options.timestamp === undefined ? this.lastModifiedTime : options.timestamp;
        if (stamp !== null) {
            headers['X-COOL-WOPI-Timestamp'] = stamp;
        }
        const res = await this.call('POST', '/contents', headers, body);
        this.remember(res);
        return res;
    }

    putRelativeFile(body: Buffer, suggested: string): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'PUT_RELATIVE', 'X-WOPI-SuggestedTarget': encodeUtf7(suggested), 'X-WOPI-Size': String(body.length), 'Content-Type': 'application/octet-stream'}, body);
    }

    renameFile(name: string): Promise<WopiResponse> {
        return this.call('POST', '', {'X-WOPI-Override': 'RENAME_FILE', 'X-WOPI-RequestedName': encodeUtf7(name), 'X-WOPI-Lock': this.lockId}, Buffer.alloc(0));
    }
}
