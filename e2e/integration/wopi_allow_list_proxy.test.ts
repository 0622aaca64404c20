// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17, point 5: the Collabora address allow-list behind a reverse proxy. A small proxy in
// front of the real server appends the peer it sees to X-Forwarded-For, as nginx's
// $proxy_add_x_forwarded_for does, and Mattermost is told to trust that header. The client
// writes a spoofed first entry; only the entry the proxy appended may count.
// Proof keys are off here: the proof covers the URL, and these calls go through the proxy's
// origin rather than the Site URL. Proofs are covered by wopi_gate_refusals.test.ts.

import {createServer, request as httpRequest, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

import {CollaboraSession} from '../collabora';
import {waitFor} from '../stack/mm_client';
import {setPluginSettings} from '../stack/plugin_settings';
import {clientAs, readStack} from '../stack/stack';

import {fixture, postAttachment, seededUser} from './helpers/mm_world';
import {mustOpen, startWopiWorld, wopiSrcOf, type EditorSession, type WopiWorld} from './helpers/wopi_world';

const SPOOFED = '10.9.9.9';

interface ServiceConfig {
    ServiceSettings: {TrustedProxyIPHeader: string[] | null};
}

async function setTrustedProxyHeader(headers: string[]): Promise<void> {
    const admin = clientAs('admin');
    const config = await admin.request<ServiceConfig>('GET', '/api/v4/config');
    config.ServiceSettings.TrustedProxyIPHeader = headers;
    await admin.request('PUT', '/api/v4/config', {body: config});
}

// The proxy: forwards everything to Mattermost, appending the peer to X-Forwarded-For.
async function startAppendingProxy(target: string): Promise<{url: string; server: Server}> {
    const upstream = new URL(target);
    const server = createServer((req, res) => {
        const peer = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
        const sent = req.headers['x-forwarded-for'];
        const headers = {...req.headers, 'x-forwarded-for': sent ? `${Array.isArray(sent) ? sent.join(', ') : sent}, ${peer}` : peer};
        const out = httpRequest({host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers}, (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
        });
        out.on('error', () => res.writeHead(502).end());
        req.pipe(out);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}

describe('the Collabora allow-list behind a reverse proxy', () => {
    let world: WopiWorld;
    let proxy: {url: string; server: Server};
    let opened: EditorSession;
    const member = seededUser('member');

    beforeAll(async () => {
        world = await startWopiWorld({EnforceProofKeys: false});
        proxy = await startAppendingProxy(readStack().url);
        const doc = await postAttachment(member, readStack().channels.public.id, 'sample.docx', fixture('sample.docx'));
        opened = await mustOpen(member, doc.fileId, 'view');
    });
    afterAll(async () => {
        await setTrustedProxyHeader([]);
        await setPluginSettings(clientAs('admin'), world.pluginId, {CollaboraAllowList: '', EnforceProofKeys: true});
        await new Promise((resolve) => proxy?.server.close(resolve));
        await world?.close();
    });

    // CheckFileInfo, directly or through the proxy, with a client-written X-Forwarded-For.
    async function checkFileInfo(via: 'direct' | 'proxy', forwardedFor?: string): Promise<number> {
        const wopiSrc = wopiSrcOf(opened.actionUrl);
        const src = via === 'direct' ? wopiSrc : proxy.url + new URL(wopiSrc).pathname;
        const extraHeaders = forwardedFor === undefined ? undefined : {'X-Forwarded-For': forwardedFor};
        const session = new CollaboraSession({wopiSrc: src, accessToken: opened.accessToken, accessTokenTtl: opened.accessTokenTtl, signer: null, extraHeaders});
        return (await session.checkFileInfo()).status;
    }

    async function allowOnly(address: string, probe: () => Promise<number>, expected: number): Promise<void> {
        await setPluginSettings(clientAs('admin'), world.pluginId, {CollaboraAllowList: address});
        await waitFor(`the allow-list ${address} to apply`, async () => ((await probe()) === expected ? true : undefined), 15_000, 200);
    }

    it('ignores a client-set X-Forwarded-For on a server without a trusted proxy header', async () => {
        await setTrustedProxyHeader([]);
        await allowOnly(SPOOFED, () => checkFileInfo('direct'), 403);
        expect(await checkFileInfo('direct', SPOOFED)).toBe(403);
        await allowOnly('127.0.0.1', () => checkFileInfo('direct'), 200);
        expect(await checkFileInfo('direct', SPOOFED)).toBe(200);
    });

    it('behind the proxy, refuses a spoofed first entry and decides from the entry the proxy appended', async () => {
        await setTrustedProxyHeader(['X-Forwarded-For']);
        // The proxy sees 127.0.0.1 and appends it: "10.9.9.9, 127.0.0.1". Mattermost alone
        // would take 10.9.9.9.
        await allowOnly(SPOOFED, () => checkFileInfo('proxy', SPOOFED), 403);
        expect(await checkFileInfo('proxy')).toBe(403);
        await allowOnly('127.0.0.1', () => checkFileInfo('proxy', SPOOFED), 200);
        expect(await checkFileInfo('proxy')).toBe(200);
        expect(await checkFileInfo('proxy', `${SPOOFED}, 192.0.2.1`)).toBe(200);
    });
});
