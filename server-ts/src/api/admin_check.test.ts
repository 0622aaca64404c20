// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {parseSettings} from '../config/settings';

import type {CheckResult} from './admin_check_result';
import {mixedContentResult, tlsResult, wopiReachableResult} from './admin_checks_config';
import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

const IDS = ['discovery', 'discovery_host', 'version', 'formats', 'proof_key', 'clock_skew', 'convert', 'tls', 'mixed_content', 'wopi_reachable', 'mentions', 'cleanup', 'server'];

function byId(results: CheckResult[]): Record<string, CheckResult> {
    return Object.fromEntries(results.map((r) => [r.id, r]));
}

function expectFixOnEveryFailure(results: CheckResult[]): void {
    for (const r of results) {
        expect(r.title).not.toBe('');
        expect(r.detail).not.toBe('');
        if (!r.ok) {
            expect(r.fix).toEqual(expect.stringMatching(/\w/));
        }
    }
}

describe('POST /api/v1/admin/check', () => {
    let h: ApiHarness;
    let w: World;
    afterEach(async () => h.stop());
    const check = async (user = w.sysadmin) => h.request(user, 'POST', '/api/v1/admin/check', {});

    it('checks a working Collabora Online', async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        // What activation leaves behind on a supported server (runtime/server_compat.ts).
        h.state.compat = {serverVersion: '11.4.0', minVersion: '10.10.0', problems: []};
        const res = await check();
        expect(res.statusCode).toBe(200);
        const results: CheckResult[] = res.json().results;
        expect(results.map((r) => r.id)).toEqual(IDS);
        expectFixOnEveryFailure(results);
        const r = byId(results);
        expect(r.discovery).toMatchObject({ok: true, detail: expect.stringMatching(new RegExp(`${h.standIn!.url}/hosting/discovery in \\d+ ms`))});
        expect(r.discovery_host).toMatchObject({ok: true, detail: expect.stringMatching(/host of the Collabora Online URL/)});
        expect(r.version).toMatchObject({ok: true, detail: expect.stringContaining('24.04.13.2')});
        expect(r.formats).toMatchObject({ok: true, detail: expect.stringMatching(/opens \d+ file extensions and edits \d+/)});
        expect(r.proof_key.ok).toBe(true);
        expect(r.clock_skew.ok).toBe(true);
        // The stand-in speaks plain HTTP on loopback.
        expect(r.tls).toMatchObject({ok: false, fix: expect.stringMatching(/HTTPS/)});
        // The harness's Site URL is https and the stand-in http: browsers would block the frame.
        expect(r.mixed_content).toMatchObject({ok: false, detail: expect.stringMatching(/mixed content/)});
        expect(r.wopi_reachable.ok).toBe(true);
        expect(r.convert).toMatchObject({ok: true, detail: expect.stringMatching(/converted a test document to PDF \(\d+ bytes\) in \d+ ms/)});
        expect(h.standIn!.conversions).toEqual([expect.objectContaining({fieldName: 'data', format: 'pdf', outcome: 'converted'})]);
        expect(r.server).toMatchObject({ok: true, detail: expect.stringContaining('Mattermost 11.4.0 meets the plugin\'s minimum (10.10.0)')});
        // Fetched now, not from the cache.
        expect(h.standIn!.requests.filter((q) => q.url === '/hosting/discovery').length).toBeGreaterThanOrEqual(1);
    });

    it('says clearly when Collabora Online points nowhere', async () => {
        h = await ApiHarness.start({standIn: false, settings: {CollaboraUrl: 'http://127.0.0.1:1'}});
        w = buildWorld(h);
        const results: CheckResult[] = (await check()).json().results;
        expect(results.map((r) => r.id)).toEqual(IDS);
        expectFixOnEveryFailure(results);
        const r = byId(results);
        expect(r.discovery).toMatchObject({ok: false, detail: expect.stringMatching(/could not be fetched from http:\/\/127\.0\.0\.1:1\/hosting\/discovery.*ECONNREFUSED/), fix: expect.stringMatching(/running/)});
        for (const id of ['discovery_host', 'version', 'formats', 'proof_key', 'clock_skew']) {
            expect(r[id]).toMatchObject({ok: false, detail: expect.stringMatching(/Not checked/)});
        }
        expect(r.convert).toMatchObject({ok: false, detail: expect.stringMatching(/could not be reached at http:\/\/127\.0\.0\.1:1.*ECONNREFUSED/)});
    });

    it('says so when the URL is not set', async () => {
        h = await ApiHarness.start({standIn: false});
        w = buildWorld(h);
        const results: CheckResult[] = (await check()).json().results;
        expectFixOnEveryFailure(results);
        expect(byId(results).discovery).toMatchObject({ok: false, detail: 'The Collabora Online URL is not set.'});
    });

    it('accepts discovery naming the internal URL, which browsers never get', async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        h.state.applyConfiguration({CollaboraUrl: 'https://office.example.com', CollaboraInternalUrl: h.standIn!.url});
        const r = byId((await check()).json().results);
        expect(r.discovery_host).toMatchObject({ok: true, detail: expect.stringContaining(`internal address ${new URL(h.standIn!.url).host}`)});
        expect(r.discovery_host.detail).toContain('office.example.com');
    });

    it('warns when discovery names neither the public nor the internal host, and says to set server_name', async () => {
        h = await ApiHarness.start({standIn: {serverName: 'office.elsewhere.example'}});
        w = buildWorld(h);
        h.state.applyConfiguration({CollaboraUrl: 'https://office.example.com', CollaboraInternalUrl: h.standIn!.url});
        const results: CheckResult[] = (await check()).json().results;
        expectFixOnEveryFailure(results);
        const r = byId(results);
        expect(r.discovery.ok).toBe(true);
        expect(r.discovery_host).toMatchObject({
            ok: false,
            detail: expect.stringMatching(/names office\.elsewhere\.example, which is neither the Collabora Online URL's host \(office\.example\.com\) nor the internal URL's \(127\.0\.0\.1:\d+\)/),
            fix: expect.stringMatching(/server_name to the host browsers use \(office\.example\.com\)/),
        });
    });

    it('explains net.post_allow when Collabora refuses conversions from the Mattermost server', async () => {
        h = await ApiHarness.start({standIn: {convertTo: {postAllow: ['192\\.0\\.2\\.10']}}});
        w = buildWorld(h);
        const results: CheckResult[] = (await check()).json().results;
        expectFixOnEveryFailure(results);
        const r = byId(results);
        expect(r.discovery.ok).toBe(true);
        expect(r.convert).toMatchObject({
            ok: false,
            detail: expect.stringMatching(/refused the conversion .*\(HTTP 403\).*not in Collabora's net\.post_allow.*Send as PDF to the thread/),
            fix: expect.stringMatching(/coolwsd\.xml.*net\.post_allow/),
        });
        expect(h.standIn!.conversions.map((c) => c.outcome)).toEqual(['refused']);
    });

    it('says why when the test conversion fails', async () => {
        h = await ApiHarness.start({standIn: {convertTo: {mode: 'fail'}}});
        w = buildWorld(h);
        const r = byId((await check()).json().results);
        expect(r.convert).toMatchObject({ok: false, detail: expect.stringMatching(/test conversion .* failed: Collabora Online closed the connection/), fix: expect.stringMatching(/log/)});
    });

    it('warns about clocks more than a minute apart', async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        h.clock = Date.now() - 5 * 60_000;
        const r = byId((await check()).json().results);
        expect(r.clock_skew).toMatchObject({ok: false, detail: expect.stringMatching(/(29\d|300|30\d) s ahead of/), fix: expect.stringMatching(/NTP/)});
    });

    it('reports a missing proof key', async () => {
        h = await ApiHarness.start({standIn: {withProofKey: false}});
        w = buildWorld(h);
        const r = byId((await check()).json().results);
        expect(r.discovery.ok).toBe(true);
        expect(r.proof_key).toMatchObject({ok: false, detail: expect.stringMatching(/no proof key.*fail to open/), fix: expect.stringMatching(/generate-proof-key/)});
    });

    it('is for system admins only', async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        for (const user of [w.channelAdmin, w.member, w.guest]) {
            const res = await check(user);
            expect(res.statusCode).toBe(403);
            expect(res.json()).toEqual({error: expect.any(String), code: 'NOT_SYSTEM_ADMIN'});
        }
        expect((await h.request(null, 'POST', '/api/v1/admin/check', {})).statusCode).toBe(401);
        expect(h.standIn!.requests).toHaveLength(0);
    });
});

describe('configuration checks', () => {
    const settings = (raw: Record<string, unknown>) => parseSettings(raw);

    it.each([
        [{CollaboraUrl: 'https://office.example.com'}, true],
        [{CollaboraUrl: 'http://office.example.com'}, false],
        [{CollaboraUrl: 'https://office.example.com', SkipTlsVerify: true}, false],
        [{}, false],
    ])('tls %j -> ok %s', (raw, ok) => {
        const result = tlsResult(settings(raw));
        expect(result.ok).toBe(ok);
        expectFixOnEveryFailure([result]);
    });

    it.each([
        [{CollaboraUrl: 'https://office.example.com'}, 'https://chat.example.com', true, ''],
        [{CollaboraUrl: 'https://office.example.com'}, '', false, 'Neither'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://localhost:8065', false, 'Collabora\'s own machine'],
        [{CollaboraUrl: 'https://office.example.com'}, 'https://127.0.0.1', false, 'Collabora\'s own machine'],
        [{CollaboraUrl: 'http://localhost:9980'}, 'http://localhost:8065', true, ''],
        [{CollaboraUrl: 'https://office.example.com', CollaboraInternalUrl: 'http://127.0.0.1:9980'}, 'https://localhost', true, ''],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://chat.example.com', false, 'not a private-network address'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://203.0.113.7:8065', false, 'not a private-network address'],
        [{CollaboraUrl: 'https://office.example.com'}, 'chat.example.com', false, 'not an http(s) URL'],
        // An https Collabora calling back over http inside a private network: a valid setup.
        [{CollaboraUrl: 'https://office.example.com', CollaboraInternalUrl: 'http://collabora:9980'}, 'http://mattermost:8065', true, 'private network'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://10.0.0.5:8065', true, 'private network'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://172.20.0.3:8065', true, 'private network'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://192.168.1.20', true, 'private network'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://[fd00::5]:8065', true, 'private network'],
        [{CollaboraUrl: 'https://office.example.com'}, 'http://mattermost.local', true, 'private network'],
        [{CollaboraUrl: 'https://office.example.com', CollaboraInternalUrl: 'http://127.0.0.1:9980'}, 'http://localhost:8065', true, 'private network'],
        // Loopback still means Collabora's own machine when Collabora runs elsewhere.
        [{CollaboraUrl: 'https://office.example.com'}, 'http://127.0.0.1:8065', false, 'Collabora\'s own machine'],
    ])('wopi_reachable %j with %s -> ok %s', (raw, base, ok, detail) => {
        const result = wopiReachableResult(settings(raw), base);
        expect(result.ok).toBe(ok);
        expect(result.detail).toContain(detail);
        expectFixOnEveryFailure([result]);
    });

    // Browsers block an http frame in an https page; every other pairing loads.
    it.each([
        ['https://office.example.com', 'https://chat.example.com', true, 'loads from https://office.example.com'],
        ['https://office.example.com', 'http://chat.example.com', true, 'loads from'],
        ['http://office.example.com', 'http://chat.example.com', true, 'loads from'],
        ['http://office.example.com', 'https://chat.example.com', false, 'mixed content'],
        ['http://10.0.0.7:9980', 'https://chat.example.com', false, 'mixed content'],
        ['http://localhost:9980', 'https://localhost', false, 'mixed content'],
        ['', 'https://chat.example.com', false, 'not set'],
        ['https://office.example.com', '', false, 'Site URL is not set'],
    ])('mixed_content Collabora %s in a page of %s -> ok %s', (collaboraUrl, siteUrl, ok, detail) => {
        const result = mixedContentResult(settings({CollaboraUrl: collaboraUrl}), siteUrl);
        expect(result.ok).toBe(ok);
        expect(result.detail).toContain(detail);
        expectFixOnEveryFailure([result]);
    });
});
