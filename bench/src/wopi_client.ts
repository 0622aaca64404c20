// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import type {BenchContext} from './bench_context';
import {expectStatus, send, type Reply} from './http_client';

// A request ready to send: its proof was computed when it was prepared, so signing (about 1 ms
// of RSA per request) is never inside a timed section, yet every request carries its own
// signature with its own timestamp, as Collabora sends them.
export interface SignedRequest {
    method: 'GET' | 'POST';
    path: string;
    headers: Record<string, string>;
}

// One document as Collabora sees it: the WOPISrc and access token from the plugin's open route,
// and Collabora's lock id for it.
export class WopiDocument {
    readonly lockId = `cool-lock${randomBytes(8).toString('hex')}`;
    lastModifiedTime: string | null = null;

    constructor(private readonly ctx: BenchContext, readonly docId: string, readonly wopiSrc: string,
        readonly accessToken: string, readonly accessTokenTtl: number) {}

    // POST /plugins/<id>/api/v1/files/{fileId}/open, as the webapp does.
    static async open(ctx: BenchContext, fileId: string, mode: 'view' | 'edit' = 'edit'): Promise<WopiDocument> {
        const reply = expectStatus(await send(ctx.base, {
            method: 'POST', path: `/plugins/${ctx.pluginId}/api/v1/files/${fileId}/open`, keepBody: true,
            body: Buffer.from(JSON.stringify({mode})),
            headers: {Authorization: `Bearer ${ctx.token}`, 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'},
        }), 200, `open ${fileId}`);
        const session = JSON.parse(reply.body!.toString('utf8')) as {actionUrl: string; accessToken: string; accessTokenTtl: number; docId: string; mode: string};
        if (session.mode !== mode) {
            throw new Error(`open ${fileId} gave a ${session.mode} session, wanted ${mode}`);
        }
        const wopiSrc = new URL(session.actionUrl).searchParams.get('WOPISrc');
        if (!wopiSrc) {
            throw new Error(`open ${fileId}: no WOPISrc in ${session.actionUrl}`);
        }
        return new WopiDocument(ctx, session.docId, wopiSrc, session.accessToken, session.accessTokenTtl);
    }

    // Signs one request now (timestamp = now) for sending later.
    sign(method: 'GET' | 'POST', suffix: string, extra: Record<string, string> = {}): SignedRequest {
        const url = `${this.wopiSrc}${suffix}?access_token=${encodeURIComponent(this.accessToken)}&access_token_ttl=${this.accessTokenTtl}`;
        const proof = this.ctx.standIn.signer.signRequest({accessToken: this.accessToken, url});
        const path = url.slice(url.indexOf('/', url.indexOf('//') + 2));
        return {method, path, headers: {
            'User-Agent': 'COOLWSD HTTP Agent 24.04.13.2', 'X-COOL-WOPI-ServerId': 'standin1',
            Authorization: `Bearer ${this.accessToken}`, ...proof, ...extra,
        }};
    }

    checkFileInfo = (): SignedRequest => this.sign('GET', '');
    getFile = (): SignedRequest => this.sign('GET', '/contents');
    lock = (lockId = this.lockId): SignedRequest => this.sign('POST', '', {'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': lockId});
    unlock = (lockId = this.lockId): SignedRequest => this.sign('POST', '', {'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': lockId});

    putFile(): SignedRequest {
        const headers: Record<string, string> = {
            'X-WOPI-Override': 'PUT', 'X-WOPI-Lock': this.lockId, 'Content-Type': 'application/octet-stream',
            'X-COOL-WOPI-IsModifiedByUser': 'true', 'X-COOL-WOPI-IsAutosave': 'false', 'X-COOL-WOPI-IsExitSave': 'false',
        };
        if (this.lastModifiedTime !== null) {
            headers['X-COOL-WOPI-Timestamp'] = this.lastModifiedTime;
        }
        return this.sign('POST', '/contents', headers);
    }

    // Sends a prepared request; remembers LastModifiedTime as Collabora does.
    async send(request: SignedRequest, body?: Buffer, keepBody = false): Promise<Reply> {
        const reply = await send(this.ctx.base, {...request, body: body ?? (request.method === 'POST' ? Buffer.alloc(0) : undefined), keepBody});
        if (reply.body && reply.status === 200 && reply.headers['content-type']?.includes('json')) {
            const json = JSON.parse(reply.body.toString('utf8')) as {LastModifiedTime?: string};
            if (typeof json.LastModifiedTime === 'string') {
                this.lastModifiedTime = json.LastModifiedTime;
            }
        }
        return reply;
    }
}
