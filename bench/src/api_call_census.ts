// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// How many bridge round trips and Plugin API calls each WOPI operation makes, counted in the
// sidecar's own app over an in-memory Mattermost (server-ts/src/testing/wopi_harness.ts). In
// production each bridge call is one gRPC round trip to the shim; each Plugin API call is one
// net/rpc round trip from the shim to Mattermost (and often a database query). A composite call
// (gatherAccessFacts) is one bridge round trip whose Plugin API calls the shim makes in Go. Run: npx tsx bench/src/api_call_census.ts

import {countApiCalls, total} from '../../server-ts/src/testing/count_api_calls';
import {WopiHarness} from '../../server-ts/src/testing/wopi_harness';

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
        const counts = countApiCalls(h.api);
        const list = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}×${v}`).join(', ');
        console.log('| WOPI operation | status | bridge round trips | which | Plugin API calls | which |');
        console.log('|---|---:|---:|---|---:|---|');
        for (const [name, run] of ops) {
            counts.clear();
            const res = await run();
            console.log(`| ${name} | ${res.statusCode} | ${total(counts.bridgeCalls)} | ${list(counts.bridgeCalls)} | ${total(counts.pluginApiCalls)} | ${list(counts.pluginApiCalls)} |`);
        }
    } finally {
        await h.stop();
    }
}

void main();
