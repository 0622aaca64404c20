// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// How many Plugin API calls each WOPI operation makes, counted in the sidecar's own app over an
// in-memory Mattermost (server-ts/src/testing/wopi_harness.ts). In production each call is one
// gRPC round trip to the shim plus one net/rpc round trip to Mattermost (and often a database
// query), so this is where a WOPI request's time goes. Run: npx tsx bench/src/api_call_census.ts

import {WopiHarness} from '../../server-ts/src/testing/wopi_harness';

type Counts = Map<string, number>;

// The in-memory API's own helpers (clock, storage, test set-up) are not Plugin API calls.
const NOT_PLUGIN_API = new Set(['now', 'store', 'addFile']);

// Wraps every method of the in-memory API so calls are counted by name.
function countCalls(api: object): Counts {
    const counts: Counts = new Map();
    let proto: object | null = api;
    const seen = new Set<string>();
    while (proto && proto !== Object.prototype) {
        for (const name of Object.getOwnPropertyNames(proto)) {
            const value = (api as Record<string, unknown>)[name];
            if (name === 'constructor' || NOT_PLUGIN_API.has(name) || seen.has(name) || typeof value !== 'function') {
                continue;
            }
            seen.add(name);
            (api as Record<string, unknown>)[name] = (...args: unknown[]) => {
                counts.set(name, (counts.get(name) ?? 0) + 1);
                return (value as (...a: unknown[]) => unknown).apply(api, args);
            };
        }
        proto = Object.getPrototypeOf(proto) as object | null;
    }
    return counts;
}

async function main(): Promise<void> {
    const h = await WopiHarness.start();
    try {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'census.docx', Buffer.alloc(1024, 1));
        const token = await h.token(ana, docId, 'edit');
        const lockId = 'cool-lock0123456789abcdef';
        const ops: Array<[string, () => Promise<{statusCode: number; json: () => unknown}>]> = [
            ['CheckFileInfo', () => h.wopi('GET', docId, token)],
            ['GetFile', () => h.wopi('GET', docId, token, {contents: true})],
            ['Lock', () => h.wopi('POST', docId, token, {headers: {'X-WOPI-Override': 'LOCK', 'X-WOPI-Lock': lockId}})],
            ['PutFile (1 KiB)', () => h.wopi('POST', docId, token, {contents: true, body: Buffer.alloc(1024, 2), headers: {'X-WOPI-Override': 'PUT', 'X-WOPI-Lock': lockId}})],
            ['Unlock', () => h.wopi('POST', docId, token, {headers: {'X-WOPI-Override': 'UNLOCK', 'X-WOPI-Lock': lockId}})],
        ];
        // Warm caches as a running sidecar has them (discovery, the token key).
        await ops[0][1]();
        const counts = countCalls(h.api);
        console.log('| WOPI operation | status | Plugin API calls | which |');
        console.log('|---|---:|---:|---|');
        for (const [name, run] of ops) {
            counts.clear();
            const res = await run();
            const total = [...counts.values()].reduce((a, b) => a + b, 0);
            const which = [...counts].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(', ');
            console.log(`| ${name} | ${res.statusCode} | ${total} | ${which} |`);
        }
    } finally {
        await h.stop();
    }
}

void main();
