// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Two Mattermost servers on one database and one file directory, each with its own plugin
// process (shim and Node sidecar), share locks and documents through the KV store.
//
// Why two independent servers rather than a Mattermost cluster: clustering needs an Enterprise
// licence, and the pinned server is Team Edition. Two servers on the same PostgreSQL database and
// the same file directory are what a cluster's nodes share for everything the plugin keeps: the
// plugin KV store (compare-and-set in SQL) and the file store. What this does not exercise is
// the cluster bus (cache invalidation, websocket fan-out, plugin cluster events), which the
// plugin does not rely on for correctness. Both servers keep the same Site URL, as nodes behind
// a load balancer do, so Collabora's proof signs the same URL whichever node answers.

import {randomBytes} from 'node:crypto';
import {connect} from 'node:net';

import {readStack} from '../stack/stack';
import {findSidecars} from '../stack/processes';

import {ControlledCollabora} from './discovery_control';
import {fileBytes, fileId, openSession, revisions, scanLogsForSecrets, sessionSecrets, sha256, sidecarPid, sleep, useCollabora} from './stress_stack';
import {startSecondNode, type SecondNode} from './stack_processes';
import {WopiSession} from './wopi_client';

const LOCKERS = 50;
const SAVES = 20;

function portFree(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = connect({host: '127.0.0.1', port});
        socket.once('connect', () => {
            socket.destroy();
            resolve(false);
        });
        socket.once('error', () => resolve(true));
    });
}

describe('two Mattermost servers on one database', () => {
    const collabora = new ControlledCollabora();
    let node2: SecondNode;
    const tokens: string[] = [];

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        const port = Number(process.env.STRESS_NODE2_PORT ?? Number(new URL(readStack().url).port) + 1);
        if (!(await portFree(port))) {
            throw new Error(`port ${port} for the second Mattermost server is taken; set STRESS_NODE2_PORT`);
        }
        node2 = await startSecondNode(port);
        // Each server runs its own sidecar.
        expect(findSidecars(node2.pluginDir)).toHaveLength(1);
        expect(findSidecars(node2.pluginDir)[0].pid).not.toBe(sidecarPid());
    }, 240_000);

    afterAll(async () => {
        await node2?.stop();
        await collabora.close();
    });

    // The same editing session, addressed to node 1 or node 2.
    const on = (s: WopiSession, node: 1 | 2): WopiSession => {
        const copy = new WopiSession({...s.target, nodeUrl: node === 1 ? readStack().url : node2.url}, s.docId, s.token, s.ttl, s.lockId);
        copy.lastModifiedTime = s.lastModifiedTime;
        return copy;
    };

    it(`gives exactly one of ${LOCKERS} concurrent Lock requests across both nodes the lock`, async () => {
        const id = fileId('public/sample.docx');
        const sessions = await Promise.all(Array.from({length: LOCKERS}, (_, i) => openSession(i % 2 === 0 ? 'member' : 'member2', id, 'edit', collabora)));
        tokens.push(...sessions.map((s) => s.token));
        const answers = await Promise.all(sessions.map((s, i) => on(s, i % 2 === 0 ? 1 : 2).lock()));
        const winners = answers.flatMap((a, i) => (a.status === 200 ? [i] : []));
        expect(winners).toHaveLength(1);
        const winner = sessions[winners[0]];
        for (const [i, a] of answers.entries()) {
            if (i !== winners[0]) {
                expect({i, status: a.status, lock: a.headers['x-wopi-lock']}).toEqual({i, status: 409, lock: winner.lockId});
            }
        }
        console.log(`${LOCKERS} concurrent locks: one winner (node ${winners[0] % 2 === 0 ? 1 : 2}), ${LOCKERS - 1} conflicts naming it`);
        for (const node of [1, 2] as const) {
            expect((await on(winner, node).getLock()).headers['x-wopi-lock']).toBe(winner.lockId);
        }
        expect((await on(winner, 2).unlock()).status).toBe(200);
        expect((await on(winner, 1).getLock()).headers['x-wopi-lock'] ?? '').toBe('');
    });

    it(`keeps every revision in order when saves alternate between the nodes (${SAVES} saves)`, async () => {
        const id = fileId('private/sample.odt');
        const session = await openSession('member', id, 'edit', collabora);
        tokens.push(session.token);
        const start = (await revisions(id)).length;
        let current = on(session, 1);
        expect((await current.checkFileInfo()).status).toBe(200);
        expect((await current.lock()).status).toBe(200);
        const sent: Buffer[] = [];
        for (let n = 0; n < SAVES; n++) {
            const node: 1 | 2 = n % 2 === 0 ? 1 : 2;
            const other: 1 | 2 = node === 1 ? 2 : 1;
            const next = on(current, node);
            const bytes = Buffer.concat([Buffer.from(`save ${n} through node ${node}\n`), randomBytes(20 * 1024)]);
            sent.push(bytes);
            const previous = next.lastModifiedTime;
            // Sent with the LastModifiedTime the previous save returned (through the other
            // node), as Collabora does: the node must see that save's record.
            const res = await next.putFile(bytes, {exit: n === SAVES - 1});
            expect({n, status: res.status}).toEqual({n, status: 200});
            expect(next.lastModifiedTime).not.toBe(previous);
            // The other node serves the new bytes at once, with the timestamp the save gave.
            const check = on(next, other);
            const got = await check.getFile();
            expect({n, sha: sha256(got.body)}).toEqual({n, sha: sha256(bytes)});
            expect((await check.checkFileInfo()).json()).toMatchObject({LastModifiedTime: next.lastModifiedTime});
            current = next;
        }
        expect((await on(current, 2).unlock()).status).toBe(200);

        const revs = await revisions(id);
        expect(revs).toHaveLength(start + SAVES);
        const saved = revs.slice(0, SAVES).reverse();
        const hashes = await Promise.all(saved.map(async (r) => sha256(await fileBytes(r.fileId))));
        expect(hashes).toEqual(sent.map(sha256));
    });

    it('wrote no token or session secret to either server\'s logs (beyond Mattermost\'s own DEBUG line)', async () => {
        await sleep(1000);
        expect(scanLogsForSecrets([...tokens, ...sessionSecrets()], [node2.logDir]).leaks).toEqual([]);
    });
});
