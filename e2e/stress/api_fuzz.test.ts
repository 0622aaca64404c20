// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The webapp's REST API under bad input: unknown files, files in channels the user cannot read,
// odd ids, bad JSON, oversized names, names with path separators or markup, unknown values,
// missing sessions. Every request carries at least one defect; each must get a JSON error with a
// stable code and no 5xx, the sidecar must not crash, and nothing may change (documents, posts,
// policies).

import fc from 'fast-check';

import {MattermostClient} from '../stack/mm_client';
import {clientAs, readStack, type UserKey} from '../stack/stack';

import {ControlledCollabora} from './discovery_control';
import {apiPath, expectHealthy, fileId, scanLogsForSecrets, sessionSecrets, sidecarPid, sleep, storeFingerprint, useCollabora} from './stress_stack';

const RUNS = Number(process.env.STRESS_API_FUZZ_RUNS ?? 1500);
const SEED = Number(process.env.STRESS_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 6;

type Route = 'rights' | 'policy' | 'open' | 'revisions' | 'restore' | 'editors_get' | 'editors_post' | 'documents' | 'client_config' | 'admin_check';
const ROUTES: Route[] = ['rights', 'policy', 'open', 'revisions', 'restore', 'editors_get', 'editors_post', 'documents', 'client_config', 'admin_check'];
const FILE_ROUTES: ReadonlySet<Route> = new Set<Route>(['rights', 'policy', 'open', 'revisions', 'restore', 'editors_get', 'editors_post']);
const GETS: ReadonlySet<Route> = new Set<Route>(['rights', 'revisions', 'editors_get', 'client_config']);
// Routes that change something when the request is good: every case must carry a defect.
const WRITES: ReadonlySet<Route> = new Set<Route>(['policy', 'restore', 'editors_post', 'documents']);

type FileChoice = 'own' | 'private_as_outsider' | 'unknown' | 'odd';
type Who = UserKey | 'anonymous' | 'bogus_token';

interface ApiCase {
    route: Route;
    who: Who;
    file: FileChoice;
    oddId: string;
    // A body defect, or null for a well-formed body.
    body: null | {kind: 'raw'; text: string; contentType: string} | {kind: 'json'; value: unknown};
}

const oddIds = fc.oneof(
    fc.constantFrom('..', '..%2F..%2Fapi%2Fv4%2Fusers', '%00', 'A'.repeat(26), 'x'.repeat(500), '%E2%80%AE', '<script>', 'null', 'undefined', '0', '-1'),
    fc.stringMatching(/^[A-Za-z0-9._~%-]{1,60}$/),
);

const badNames = fc.oneof(
    fc.constantFrom('../../etc/passwd', 'a/b', 'a\\b', '<img src=x onerror=alert(1)>', 'name\u0000', 'x'.repeat(1001), 'y'.repeat(201), ' leading', 'trailing ', '', 'a:b', 'CON|', '\u202Ereversed', '..', '.', 'tab\there'),
    fc.string({minLength: 1001, maxLength: 1500}),
);

const junkJson = fc.oneof(
    fc.constantFrom('{', '{"mode":', 'nul', '[1,2', '{"a":1}}', '\u0000', '{"policy": "owner"', '"just a string"', '1e999999', '{"__proto__": {"x": 1}}', `${'['.repeat(5000)}${']'.repeat(5000)}`),
    fc.string({maxLength: 200}).filter((s) => {
        try {
            JSON.parse(s);
            return false;
        } catch {
            return true;
        }
    }),
);

function bodyDefects(route: Route): fc.Arbitrary<ApiCase['body']> {
    const raw = fc.record({kind: fc.constant('raw' as const), text: junkJson, contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8')});
    const notJson = fc.record({kind: fc.constant('raw' as const), text: fc.constantFrom('mode=edit', '<xml/>', 'a'.repeat(3000)), contentType: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml')});
    const wrongShape = fc.record({kind: fc.constant('json' as const), value: fc.oneof(fc.constant([]), fc.constant(null), fc.constant(42), fc.constant('edit'), fc.constant({}))});
    const fields: Record<Route, fc.Arbitrary<unknown>> = {
        rights: fc.constant({}),
        revisions: fc.constant({}),
        editors_get: fc.constant({}),
        client_config: fc.constant({}),
        admin_check: fc.constant({}),
        restore: fc.constant({}),
        policy: fc.oneof(fc.record({policy: fc.oneof(fc.constantFrom('everyone', 'OWNER', 'owner ', 'admins', '', 'view-only'), fc.integer(), fc.constant(null), fc.string({maxLength: 2000}))})),
        open: fc.record({mode: fc.oneof(fc.constantFrom('EDIT', 'write', 'admin', '', 'view ', 'edit\u0000'), fc.integer(), fc.array(fc.constant('edit')))}),
        editors_post: fc.record({action: fc.oneof(fc.constantFrom('JOIN', 'kick', 'leave-all', '', 'join\n'), fc.integer(), fc.constant({}))}),
        documents: fc.oneof(
            fc.record({channelId: fc.constant('$public'), name: badNames, kind: fc.constant('document')}),
            fc.record({channelId: fc.constant('$public'), name: fc.constant('Fuzz'), kind: fc.constantFrom('spreadsheetx', 'DOCUMENT', '', 'exe')}),
            fc.record({channelId: fc.oneof(fc.constant('$private'), fc.constant('$archived'), oddIds, fc.stringMatching(/^[a-z0-9]{26}$/)), name: fc.constant('Fuzz'), kind: fc.constant('document')}),
            fc.record({channelId: fc.constant('$public'), rootId: fc.oneof(fc.constant('$private_post'), oddIds, fc.stringMatching(/^[a-z0-9]{26}$/)), name: fc.constant('Fuzz'), kind: fc.constant('presentation')}),
            fc.record({channelId: fc.constant('$public'), name: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string())), kind: fc.constant('document')}),
        ),
    };
    if (route === 'restore') {
        // Restore reads no body: only a body that cannot be parsed is a defect there.
        return raw;
    }
    return fc.oneof(raw, notJson, wrongShape, fc.record({kind: fc.constant('json' as const), value: fields[route]}));
}

// Built once per route: building them inside chain() for every case (a regex-driven arbitrary
// among them) took about 30 ms a case, minutes for a run, with the event loop blocked.
const casesByRoute = {} as Record<Route, fc.Arbitrary<ApiCase>>;
for (const route of ROUTES) {
    casesByRoute[route] = fc.record({
        route: fc.constant(route),
        who: fc.constantFrom<Who>('member', 'member2', 'outsider', 'stranger', 'anonymous', 'bogus_token'),
        file: fc.constantFrom<FileChoice>('own', 'private_as_outsider', 'unknown', 'odd'),
        oddId: oddIds,
        body: fc.option(bodyDefects(route), {nil: null, freq: 1}),
    });
}

const apiCases: fc.Arbitrary<ApiCase> = fc.constantFrom(...ROUTES).chain((route) => casesByRoute[route]).map((c) => (c.file === 'private_as_outsider' ? {...c, who: 'outsider' as const} : c));

// Does the case carry a defect that must make the request fail?
function hasDefect(c: ApiCase): boolean {
    if (c.who === 'anonymous' || c.who === 'bogus_token') {
        return true;
    }
    if (c.route === 'admin_check') {
        return true; // nobody here is a system admin
    }
    // The outsider is on the team, so public channels are readable: only the private file is
    // out of reach. The stranger is on no team: every channel is.
    if (FILE_ROUTES.has(c.route) && (c.file !== 'own' || c.who === 'stranger')) {
        return true;
    }
    if (c.route === 'documents' && (c.who === 'stranger' || c.who === 'outsider')) {
        return true;
    }
    return c.body !== null && !GETS.has(c.route);
}

describe('REST API fuzzing', () => {
    const collabora = new ControlledCollabora();
    const admin = clientAs('admin');
    let ids: Record<FileChoice, string>;
    let channelIds: Record<string, string>;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        const stack = readStack();
        ids = {own: fileId('public/sample.docx'), private_as_outsider: fileId('private/sample.docx'), unknown: 'zzzzzzzzzzzzzzzzzzzzzzzzzz', odd: ''};
        channelIds = {
            $public: stack.channels.public.id,
            $private: stack.channels.private.id,
            $archived: stack.channels.archived.id,
            $private_post: stack.files['private/sample.docx'].post_id,
        };
    });

    afterAll(async () => {
        await collabora.close();
    });

    const clientFor = (who: Who): MattermostClient => {
        const {url} = readStack();
        if (who === 'anonymous') {
            return new MattermostClient(url);
        }
        if (who === 'bogus_token') {
            return new MattermostClient(url, 'bogusbogusbogusbogusbogus1');
        }
        return clientAs(who);
    };

    function requestOf(c: ApiCase): {method: string; path: string; body?: Buffer | unknown; headers: Record<string, string>} {
        const id = c.file === 'odd' ? encodeURI(c.oddId).replace(/\?/g, '%3F').replace(/#/g, '%23') : ids[c.file];
        const paths: Record<Route, [string, string]> = {
            rights: ['GET', `/files/${id}/rights`],
            policy: ['PUT', `/files/${id}/policy`],
            open: ['POST', `/files/${id}/open`],
            revisions: ['GET', `/files/${id}/revisions`],
            restore: ['POST', `/files/${id}/revisions/${ids.own}/restore`],
            editors_get: ['GET', `/files/${id}/editors`],
            editors_post: ['POST', `/files/${id}/editors`],
            documents: ['POST', '/documents'],
            client_config: ['GET', '/client_config'],
            admin_check: ['POST', '/admin/check'],
        };
        const [method, suffix] = paths[c.route];
        const good: Record<Route, unknown> = {
            rights: undefined, revisions: undefined, editors_get: undefined, client_config: undefined, admin_check: {}, restore: {},
            policy: {policy: 'owner'}, open: {mode: 'edit'}, editors_post: {action: 'join'},
            documents: {channelId: channelIds.$public, name: 'Fuzz', kind: 'document'},
        };
        const headers: Record<string, string> = {};
        let body: Buffer | unknown = good[c.route];
        if (c.body?.kind === 'raw') {
            headers['Content-Type'] = c.body.contentType;
            body = Buffer.from(c.body.text);
        } else if (c.body?.kind === 'json') {
            const resolve = (v: unknown): unknown => (typeof v === 'string' && v in channelIds ? channelIds[v] : v);
            body = typeof c.body.value === 'object' && c.body.value !== null && !Array.isArray(c.body.value)
                ? Object.fromEntries(Object.entries(c.body.value).map(([k, v]) => [k, resolve(v)]))
                : c.body.value;
            if (body === null || typeof body !== 'object') {
                headers['Content-Type'] = 'application/json';
                body = Buffer.from(JSON.stringify(body));
            }
        }
        if (method === 'GET') {
            body = undefined;
        }
        return {method, path: apiPath(suffix), body, headers};
    }

    async function policies(): Promise<Record<string, string>> {
        const out: Record<string, string> = {};
        for (const key of ['public/sample.docx', 'private/sample.docx']) {
            const rights = await admin.request<{policy: string}>('GET', apiPath(`/files/${fileId(key)}/rights`));
            out[key] = rights.policy;
        }
        return out;
    }

    it(`answers ${RUNS} bad requests with clear JSON errors and changes nothing`, async () => {
        const before = {store: await storeFingerprint(), policies: await policies()};
        const pid = sidecarPid();
        const cases = fc.sample(apiCases, {numRuns: RUNS * 2, seed: SEED}).filter((c) => !WRITES.has(c.route) || hasDefect(c)).slice(0, RUNS);
        const problems: string[] = [];
        const statuses: Record<string, number> = {};
        const codes = new Set<string>();
        let next = 0;
        const started = Date.now();
        const worker = async (): Promise<void> => {
            while (next < cases.length) {
                const c = cases[next++];
                const req = requestOf(c);
                let status = 0;
                let text = '';
                try {
                    const res = await clientFor(c.who).fetch(req.method, req.path, {body: req.body, headers: req.headers});
                    status = res.status;
                    text = await res.text();
                } catch (err) {
                    // fetch reports why it failed in `cause` (an Error of Node's realm, not jest's).
                    const why = (err as {cause?: {message?: unknown; code?: unknown}} | null)?.cause;
                    const cause = why ? `: ${String(why.code ?? '')} ${String(why.message ?? '')}` : '';
                    problems.push(`no answer (${err instanceof Error ? err.message : String(err)}${cause}) to ${JSON.stringify(c).slice(0, 300)}`);
                    continue;
                }
                statuses[status] = (statuses[status] ?? 0) + 1;
                const describe = (): string => `${req.method} ${req.path.slice(0, 120)} as ${c.who}: ${status} ${text.slice(0, 200)}\n    case ${JSON.stringify(c).slice(0, 300)}`;
                if (status >= 500) {
                    problems.push(`server error: ${describe()}`);
                } else if (status >= 400) {
                    let parsed: unknown;
                    try {
                        parsed = JSON.parse(text);
                    } catch {
                        parsed = undefined;
                    }
                    const p = parsed as {error?: unknown; code?: unknown; message?: unknown} | undefined;
                    if (typeof p?.error !== 'string' || (typeof p.code !== 'string' && typeof p.message !== 'string')) {
                        problems.push(`error without a JSON message and code: ${describe()}`);
                    } else if (typeof p.code === 'string') {
                        codes.add(p.code);
                    }
                } else if (hasDefect(c)) {
                    problems.push(`accepted a request with a defect: ${describe()}`);
                }
            }
        };
        await Promise.all(Array.from({length: CONCURRENCY}, worker));
        console.log(`API fuzz: ${cases.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(statuses)}; codes ${[...codes].sort().join(', ')}`);
        expect(problems.slice(0, 10)).toEqual([]);

        expect(sidecarPid()).toBe(pid);
        await expectHealthy();
        expect({store: await storeFingerprint(), policies: await policies()}).toEqual(before);
    });

    it('wrote no session secret to any log file', async () => {
        await sleep(1000);
        expect(scanLogsForSecrets(sessionSecrets()).leaks).toEqual([]);
    });
});
