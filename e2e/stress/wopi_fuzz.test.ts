// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Thousands of malformed WOPI requests against the real server. Each must get a clear refusal
// (no 5xx except where the WOPI spec asks for one: 500 for a bad proof, 501 for an unsupported
// operation), the sidecar must not crash (same Node process, health answers), every stored
// document must stay byte-identical (SHA-256 through Mattermost's file API) and unlocked, and no
// token may reach a log file.

import fc from 'fast-check';

import {clientAs, readStack} from '../stack/stack';
import {setPluginSettings} from '../stack/plugin_settings';

import {ControlledCollabora} from './discovery_control';
import {sendRaw, type RawRequest, type RawResponse} from './raw_http';
import {
    MATTERMOST_INVALID_TOKEN_DEBUG, expectHealthy, fileId, openFile, scanLogsForSecrets, openSession, pluginId, readLogs, sessionSecrets, sidecarPid, sleep, storeFingerprint, useCollabora,
} from './stress_stack';
import {allowedServerErrors, buildRequest, effectiveMethod, fuzzCases, READ_OPS, type FuzzCase, type FuzzWorld} from './wopi_fuzz_cases';
import type {WopiSession} from './wopi_client';

const RUNS = Number(process.env.STRESS_WOPI_FUZZ_RUNS ?? 3000);
const SEED = Number(process.env.STRESS_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 6;
const REFUSALS_LOGGED = /WOPI (request|proof) refused/g;

interface Outcome {
    c: FuzzCase;
    res?: RawResponse;
    error?: string;
    // The request head is over Mattermost's header limit (Go's http.DefaultMaxHeaderBytes).
    oversizedHead?: boolean;
}

const MAX_HEADER_BYTES = 1 << 20;
const headBytes = (req: RawRequest): number => req.target.length + req.headers.reduce((n, [name, value]) => n + name.length + (value?.length ?? 0) + 4, 0);

function problemOf(o: Outcome): string | null {
    if (!o.res) {
        // Over the header limit, Mattermost answers 431 and closes the connection while the
        // head is still being written: the reset can reach us before the answer does. The
        // request was refused either way; only a reset counts, not a timeout.
        if (o.oversizedHead && /\b(ECONNRESET|EPIPE)\b/.test(o.error ?? '')) {
            return null;
        }
        return `no answer: ${o.error}`;
    }
    const {status} = o.res;
    if (status >= 500 && !allowedServerErrors(o.c).has(status)) {
        return `answered ${status}: ${o.res.body.toString('utf8').slice(0, 200)}`;
    }
    // 3xx: Mattermost redirects a path with dot segments elsewhere; the request was not handled.
    if (!READ_OPS.has(o.c.op) && effectiveMethod(o.c) !== 'GET' && status < 300) {
        return `a write with a defect was accepted (${status})`;
    }
    if (status >= 400 && o.res.body.length === 0 && o.c.defects.every((d) => d.kind !== 'method')) {
        return `refused with ${status} but without a message`;
    }
    return null;
}

async function runAll(cases: FuzzCase[], world: FuzzWorld): Promise<Outcome[]> {
    const {url} = readStack();
    const {hostname, port} = new URL(url);
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
        while (next < cases.length) {
            const c = cases[next++];
            const req = buildRequest(c, world);
            const oversizedHead = headBytes(req) > MAX_HEADER_BYTES;
            try {
                outcomes.push({c, res: await sendRaw(hostname, Number(port), req), oversizedHead});
            } catch (err) {
                outcomes.push({c, error: err instanceof Error ? err.message : String(err), oversizedHead});
            }
        }
    };
    await Promise.all(Array.from({length: CONCURRENCY}, worker));
    return outcomes;
}

describe('WOPI fuzzing', () => {
    const collabora = new ControlledCollabora();
    const admin = clientAs('admin');
    const tokens: string[] = [];
    let world: FuzzWorld;
    let sessions: WopiSession[];
    let expiredTtl = 0;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        const ids = [fileId('public/sample.docx'), fileId('private/sample.docx')];

        // Tokens that expire a minute from now, for the "expired token" cases at the end.
        await setPluginSettings(admin, pluginId(), {TokenTtlMinutes: 1});
        await sleep(500);
        const short = await Promise.all(ids.map((id) => openFile('member', id, 'edit')));
        await setPluginSettings(admin, pluginId(), {TokenTtlMinutes: 600});
        await sleep(500);
        const expired = short.map((s) => s.body.accessToken ?? '');
        expiredTtl = Math.max(...short.map((s) => s.body.accessTokenTtl ?? 0));
        expect(expired.every((t) => t.length > 0)).toBe(true);

        sessions = await Promise.all(ids.map((id) => openSession('member', id, 'edit', collabora)));
        const views = await Promise.all(ids.map((id) => openSession('member', id, 'view', collabora)));
        const config = await admin.request<{FileSettings: {MaxFileSize: number}}>('GET', '/api/v4/config');
        world = {
            siteUrl: readStack().url,
            pluginId: pluginId(),
            signer: collabora.signer,
            docs: sessions.map((s, i) => ({docId: s.docId, editToken: s.token, viewToken: views[i].token, ttl: s.ttl})),
            expiredToken: (doc) => expired[doc],
            maxFileSize: config.FileSettings.MaxFileSize,
        };
        tokens.push(...expired, ...sessions.map((s) => s.token), ...views.map((s) => s.token));
    });

    afterAll(async () => {
        await collabora.close();
    });

    it(`refuses ${RUNS} malformed requests cleanly, without crashing or changing anything`, async () => {
        const before = await storeFingerprint();
        const locksBefore = await Promise.all(sessions.map(async (s) => (await s.getLock()).headers['x-wopi-lock'] ?? ''));
        expect(locksBefore).toEqual(['', '']);
        const pid = sidecarPid();
        const logBefore = (readLogs().match(REFUSALS_LOGGED) ?? []).length;

        const cases = fc.sample(fuzzCases, {numRuns: RUNS, seed: SEED});
        const usesExpired = (c: FuzzCase): boolean => c.defects.some((d) => d.kind === 'token' && d.variant === 'expired');
        const started = Date.now();
        const outcomes = await runAll(cases.filter((c) => !usesExpired(c)), world);
        // The short tokens expire one minute after they were issued; the cases that use them
        // run once that has happened.
        await sleep(Math.max(0, expiredTtl - Date.now() + 1000));
        outcomes.push(...await runAll(cases.filter(usesExpired), world));
        const seconds = (Date.now() - started) / 1000;

        const statuses: Record<string, number> = {};
        for (const o of outcomes) {
            const key = o.res ? String(o.res.status) : 'none';
            statuses[key] = (statuses[key] ?? 0) + 1;
        }
        console.log(`WOPI fuzz: ${outcomes.length} requests in ${seconds.toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(statuses)}`);

        const problems = outcomes.map((o) => ({o, problem: problemOf(o)})).filter((p) => p.problem !== null);
        const report = problems.slice(0, 10).map(({o, problem}) => `${problem}\n    case: ${JSON.stringify(o.c, (_k, v: unknown) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}…(${v.length})` : v))}`);
        expect(report).toEqual([]);

        // The same Node process, still answering.
        expect(sidecarPid()).toBe(pid);
        await expectHealthy();
        // Nothing changed: every document, every seeded file, no lock.
        expect(await storeFingerprint()).toEqual(before);
        const locksAfter = await Promise.all(sessions.map(async (s) => (await s.getLock()).headers['x-wopi-lock'] ?? ''));
        expect(locksAfter).toEqual(['', '']);

        // Each refusal the sidecar answered was logged (Mattermost writes its file log
        // asynchronously: give it a moment).
        await sleep(1500);
        const fromSidecar = outcomes.filter((o) => o.res && o.res.status >= 400 && o.res.headers['content-type'] === 'text/plain; charset=utf-8' && !/^\d{3} /.test(o.res.body.toString('utf8'))).length;
        const logged = (readLogs().match(REFUSALS_LOGGED) ?? []).length - logBefore;
        console.log(`WOPI fuzz: ${fromSidecar} refusals answered by the sidecar, ${logged} refusal log lines`);
        expect(logged).toBeGreaterThanOrEqual(fromSidecar);
    });

    it('wrote none of the tokens or session secrets it used to any log file', async () => {
        await sleep(500);
        const scan = scanLogsForSecrets([...tokens, ...sessionSecrets()]);
        console.log(`log scan: ${scan.mattermostDebugLines} Mattermost DEBUG lines "${MATTERMOST_INVALID_TOKEN_DEBUG}" carry a WOPI token (Mattermost's own logging, not at INFO)`);
        expect(scan.leaks).toEqual([]);
    });
});
