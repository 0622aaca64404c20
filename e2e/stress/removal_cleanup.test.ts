// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17 under faults: posts deleted while their documents are being edited and the sidecar is
// killed in the middle of removing them, then two servers on one database running the cleanup at
// once. Nothing kept may be lost, nothing removed may stay (KV read from PostgreSQL).

import {randomBytes} from 'node:crypto';

import {pluginKvKeys} from '../integration/helpers/plugin_kv';
import {MattermostClient, waitFor} from '../stack/mm_client';
import {isAlive} from '../stack/processes';
import {clientAs, readStack} from '../stack/stack';

import {ControlledCollabora} from './discovery_control';
import {apiPath, fileBytes, openSession, pluginId, sidecarPid, useCollabora, waitHealthy} from './stress_stack';
import {startSecondNode, type SecondNode} from './stack_processes';
import type {WopiSession} from './wopi_client';

const DOCUMENTS = 8;

interface Doc {
    fileId: string;
    postId: string;
    saved: Buffer;
    session: WopiSession;
}

describe('removal and cleanup under faults', () => {
    const collabora = new ControlledCollabora();
    const member = clientAs('member');
    const admin = clientAs('admin');
    const channelId = readStack().channels.public.id;
    let node2: SecondNode;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        node2 = await startSecondNode(Number(process.env.STRESS_NODE2_PORT ?? Number(new URL(readStack().url).port) + 1));
    }, 240_000);
    afterAll(async () => {
        await node2?.stop();
        await collabora.close();
    });

    async function editedDocument(i: number): Promise<Doc> {
        const form = new FormData();
        form.append('channel_id', channelId);
        const original = Buffer.concat([Buffer.from('PK removal test '), randomBytes(2048)]);
        form.append('files', new Blob([original as Uint8Array<ArrayBuffer>]), `removal-${i}.docx`);
        const fileId = (await member.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form})).file_infos[0].id;
        const postId = (await member.request<{id: string}>('POST', '/api/v4/posts', {body: {channel_id: channelId, message: `removal ${i}`, file_ids: [fileId]}})).id;
        const session = await openSession('member', fileId, 'edit', collabora);
        expect((await session.checkFileInfo()).status).toBe(200);
        expect((await session.lock()).status).toBe(200);
        const saved = Buffer.concat([original, randomBytes(512)]);
        expect((await session.putFile(saved)).status).toBe(200);
        return {fileId, postId, saved, session};
    }

    const rightsStatus = async (fileId: string): Promise<number> => (await member.fetch('GET', apiPath(`/files/${fileId}/rights`))).status;

    it('removes every deleted post\'s document and keeps every other one when the sidecar is killed mid-removal', async () => {
        const docs: Doc[] = [];
        for (let i = 0; i < DOCUMENTS; i++) {
            docs.push(await editedDocument(i));
        }
        const deleted = docs.filter((_, i) => i % 2 === 0);
        const kept = docs.filter((_, i) => i % 2 === 1);
        const victim = sidecarPid();
        // The deletions' hooks reach the sidecar while it is being killed: some removals run
        // to the end, some are cut half-way, some never start.
        const deletions = Promise.all(deleted.map((d) => member.request('DELETE', `/api/v4/posts/${d.postId}`)));
        await new Promise((resolve) => setTimeout(resolve, 30));
        process.kill(victim, 'SIGKILL');
        await deletions;
        await waitFor('the sidecar to die', async () => (!isAlive(victim) ? true : undefined), 10_000, 50);
        await waitHealthy(60_000);

        for (const d of deleted) {
            expect({doc: d.fileId, rights: await rightsStatus(d.fileId), wopi: (await d.session.checkFileInfo()).status}).toEqual({doc: d.fileId, rights: 404, wopi: 404});
        }
        const report = await admin.request<{documentsRemoved: number}>('POST', apiPath('/admin/cleanup'));
        expect(report.documentsRemoved).toBeGreaterThanOrEqual(0);
        for (const d of deleted) {
            expect({doc: d.fileId, keys: pluginKvKeys(pluginId(), d.fileId)}).toEqual({doc: d.fileId, keys: []});
        }
        for (const d of kept) {
            expect(await rightsStatus(d.fileId)).toBe(200);
            expect(pluginKvKeys(pluginId(), d.fileId)).toContain(`doc:${d.fileId}`);
            expect((await d.session.checkFileInfo()).status).toBe(200);
            expect((await fileBytes(d.fileId)).length).toBeGreaterThan(0);
            const got = await d.session.getFile();
            expect(got.status).toBe(200);
            expect(got.body.equals(d.saved)).toBe(true);
        }
    }, 180_000);

    it('lets only one of two servers clean at a time, and both agree on what is left', async () => {
        const docs: Doc[] = [];
        for (let i = 0; i < 4; i++) {
            docs.push(await editedDocument(100 + i));
        }
        const clients = [readStack().url, node2.url].map((url) => new MattermostClient(url, admin.token));
        for (let round = 0; round < 5; round++) {
            const answers = await Promise.all(clients.map(async (c) => {
                const res = await c.fetch('POST', apiPath('/admin/cleanup'));
                return {status: res.status, body: await res.json() as {startedAt?: number; finishedAt?: number}};
            }));
            expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
            const ran = answers.filter((a) => a.status === 200).map((a) => a.body);
            expect(ran.length).toBeGreaterThanOrEqual(1);
            if (ran.length === 2) {
                // Both ran: one after the other, never at the same time.
                const [a, b] = ran.sort((x, y) => x.startedAt! - y.startedAt!);
                expect(b.startedAt!).toBeGreaterThanOrEqual(a.finishedAt!);
            }
        }
        for (const d of docs) {
            expect(await rightsStatus(d.fileId)).toBe(200);
            expect(pluginKvKeys(pluginId(), d.fileId)).toContain(`doc:${d.fileId}`);
            const got = await d.session.getFile();
            expect(got.body.equals(d.saved)).toBe(true);
        }
    }, 180_000);
});
