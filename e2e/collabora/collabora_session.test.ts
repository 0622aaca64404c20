// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createServer} from 'node:http';
import type {IncomingHttpHeaders, Server} from 'node:http';
import type {AddressInfo} from 'node:net';

import {parseDiscovery} from '../../server-ts/src/collabora/discovery_parser';
import {importProofKeys, verifyProof} from '../../server-ts/src/collabora/proof_keys';
import type {ProofKeySet, VerifyProofResult} from '../../server-ts/src/collabora/proof_keys';
import {tokenFromRequestUri} from '../../server-ts/src/tokens/token_from_request_uri';
import {parseCoolSaveFlags} from '../../server-ts/src/wopi_headers/cool_save_headers';
import {parsePutRelativeTarget, parseRequestedName} from '../../server-ts/src/wopi_headers/target_name_headers';

import {CollaboraSession} from './collabora_session';
import {ProofSigner} from './proof_signer';

type Seen = {method: string; url: string; headers: IncomingHttpHeaders; body: Buffer; proof: VerifyProofResult};

// A minimal WOPI host that records each request and checks its proof the way the plugin will:
// public origin + raw request-target, token read from the raw URI.
async function startRecordingHost(keys: ProofKeySet) {
    const seen: Seen[] = [];
    let origin = '';
    const server: Server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
            const token = tokenFromRequestUri(req.url ?? '');
            const proof = verifyProof({
                accessToken: token.ok ? token.token : '', url: `${origin}${req.url ?? ''}`, nowMs: Date.now(), keys,
                timestampTicks: req.headers['x-wopi-timestamp'] as string | undefined,
                proof: req.headers['x-wopi-proof'] as string | undefined,
                proofOld: req.headers['x-wopi-proofold'] as string | undefined,
            });
            seen.push({method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks), proof});
            const override = req.headers['x-wopi-override'];
            res.setHeader('Content-Type', 'application/json');
            if (req.method === 'GET' && !(req.url ?? '').includes('/contents')) {
                res.end(JSON.stringify({BaseFileName: 'a.odt', Size: 3, SupportsLocks: true, LastModifiedTime: '2026-01-02T03:04:05.006Z'}));
            } else if (override === 'PUT') {
                const stale = req.headers['x-cool-wopi-timestamp'] === '2000-01-01T00:00:00.000Z';
                res.statusCode = stale ? 409 : 200;
                res.end(JSON.stringify(stale ? {COOLStatusCode: 1010} : {LastModifiedTime: '2026-01-02T03:09:00.000Z'}));
            } else {
                res.end(req.method === 'GET' ? 'abc' : '{}');
            }
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {seen, wopiSrc: `${origin}/plugins/com.collaboraonline.mattermost/wopi/files/doc1`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve()))};
}

describe('CollaboraSession replays Collabora against a host', () => {
    const signer = new ProofSigner();
    const parsed = parseDiscovery(`<wopi-discovery><net-zone name="external-http"><app name="writer"><action name="edit" ext="odt" urlsrc="http://c/cool.html?"/></app></net-zone><proof-key ${signer.discoveryAttributes().map(([k, v]) => `${k}="${v}"`).join(' ')}/></wopi-discovery>`);
    const imported = parsed.ok && parsed.discovery.proofKey !== null ? importProofKeys(parsed.discovery.proofKey) : null;
    const keys = imported?.ok ? imported.keys : null;
    let host: Awaited<ReturnType<typeof startRecordingHost>>;

    beforeAll(async () => {
        if (keys === null) {
            throw new Error('no keys');
        }
        host = await startRecordingHost(keys);
    });
    afterAll(() => host.close());

    const session = () => new CollaboraSession({
        wopiSrc: host.wopiSrc, accessToken: 'v1.tok.mac', accessTokenTtl: 1767400000000, permission: 'edit', signer,
    });

    it('sends the real call order with Collabora headers, every one proof-valid', async () => {
        host.seen.length = 0;
        const s = session();
        expect((await s.checkFileInfo()).status).toBe(200);
        expect(s.lastModifiedTime).toBe('2026-01-02T03:04:05.006Z');
        await s.lock();
        expect((await s.getFile()).text()).toBe('abc');
        const put = await s.putFile(Buffer.from('new'), {isAutosave: true});
        expect(put.json()).toEqual({LastModifiedTime: '2026-01-02T03:09:00.000Z'});
        await s.refreshLock();
        await s.putFile(Buffer.from('final'), {isExitSave: true, isModifiedByUser: false});
        await s.unlock();

        expect(host.seen.map((r) => `${r.method} ${r.url.split('?')[0].split('/').pop()} ${r.headers['x-wopi-override'] ?? ''}`)).toEqual([
            'GET doc1 ', 'POST doc1 LOCK', 'GET contents ', 'POST contents PUT', 'POST doc1 LOCK', 'POST contents PUT', 'POST doc1 UNLOCK',
        ]);
        for (const r of host.seen) {
            expect(r.proof.ok).toBe(true);
            expect(r.url).toMatch(/\?access_token=v1\.tok\.mac&access_token_ttl=1767400000000&permission=edit$/);
            expect(r.headers.authorization).toBe('Bearer v1.tok.mac');
            expect(r.headers['x-wopi-proofold']).toBe(r.headers['x-wopi-proof']);
        }
        const [, lock, , autosave, relock, exitSave, unlock] = host.seen;
        expect(lock.headers['x-wopi-lock']).toMatch(/^cool-lock[0-9a-f]+$/);
        expect(new Set([lock, autosave, relock, exitSave, unlock].map((r) => r.headers['x-wopi-lock'])).size).toBe(1);
        expect(autosave.headers['x-cool-wopi-timestamp']).toBe('2026-01-02T03:04:05.006Z');
        expect(exitSave.headers['x-cool-wopi-timestamp']).toBe('2026-01-02T03:09:00.000Z');
        expect(exitSave.headers.connection).toBe('close');
        expect(exitSave.body.toString()).toBe('final');
        const flags = parseCoolSaveFlags((name) => exitSave.headers[name]);
        expect(flags).toEqual({ok: true, value: {isModifiedByUser: false, isAutosave: false, isExitSave: true}});
    });

    it('carries a reset token on every later call, proof-signed over it, with the lock id and ttl it had', async () => {
        host.seen.length = 0;
        const s = session();
        await s.lock();
        s.resetAccessToken('v1.fresh+tok/en');
        expect(s.accessToken).toBe('v1.fresh+tok/en');
        await s.putFile(Buffer.from('after reset'));
        await s.unlock();
        const [lock, put, unlock] = host.seen;
        expect(lock.headers.authorization).toBe('Bearer v1.tok.mac');
        for (const r of [put, unlock]) {
            expect(r.proof.ok).toBe(true);
            expect(r.headers.authorization).toBe('Bearer v1.fresh+tok/en');
            expect(r.url).toMatch(/\?access_token=v1\.fresh%2Btok%2Fen&access_token_ttl=1767400000000&permission=edit$/);
            expect(r.headers['x-wopi-lock']).toBe(lock.headers['x-wopi-lock']);
        }
    });

    it('sends Save As and rename names in UTF-7 that the host decodes', async () => {
        host.seen.length = 0;
        const s = session();
        await s.putRelativeFile(Buffer.from('pdf!'), 'Bericht 100% fertig – Kopie.pdf');
        await s.renameFile('Ünïcødé & co');
        const [saveAs, rename] = host.seen;
        expect(saveAs.headers['x-wopi-lock']).toBeUndefined();
        expect(saveAs.headers['x-wopi-size']).toBe('4');
        expect(parsePutRelativeTarget(saveAs.headers['x-wopi-suggestedtarget'], undefined, undefined))
            .toEqual({ok: true, value: {mode: 'suggested', target: {kind: 'name', name: 'Bericht 100% fertig – Kopie.pdf'}}});
        expect(saveAs.headers['x-wopi-suggestedtarget']).toContain('+ACU-');
        expect(parseRequestedName(rename.headers['x-wopi-requestedname'])).toEqual({ok: true, value: 'Ünïcødé & co'});
        expect(rename.headers['x-wopi-lock']).toMatch(/^cool-lock/);
    });

    it('can misbehave on request: stale proof, wrong key, no proof, stale or no timestamp, legacy headers', async () => {
        host.seen.length = 0;
        const s = new CollaboraSession({wopiSrc: host.wopiSrc, accessToken: 'v1.tok.mac', signer, legacyHeaders: true});
        await s.checkFileInfo({timestampOffsetMs: -21 * 60_000});
        await s.checkFileInfo({proofKey: 'wrong'});
        await s.checkFileInfo({proofKey: 'none'});
        const conflict = await s.putFile(Buffer.from('x'), {timestamp: '2000-01-01T00:00:00.000Z'});
        await s.putFile(Buffer.from('x'), {timestamp: null});
        expect(host.seen.slice(0, 3).map((r) => r.proof)).toEqual([
            {ok: false, reason: 'PROOF_TIMESTAMP_STALE'}, {ok: false, reason: 'PROOF_SIGNATURE_INVALID'}, {ok: false, reason: 'PROOF_MISSING'},
        ]);
        expect(conflict.status).toBe(409);
        expect(conflict.json()).toEqual({COOLStatusCode: 1010});
        expect(host.seen[3].headers['x-lool-wopi-timestamp']).toBe('2000-01-01T00:00:00.000Z');
        expect(host.seen[4].headers['x-cool-wopi-timestamp']).toBeUndefined();
        expect(host.seen[4].headers['x-lool-wopi-isautosave']).toBe('false');
    });
});
