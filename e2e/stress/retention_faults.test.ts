// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17's revision retention under faults: autosaves land on two servers at once (each save
// makes its node thin the session's older autosaves), the first server's sidecar is killed in
// the middle, then both servers run the cleanup at once. Afterwards every revision the record
// lists is in the file store byte for byte, and no other save of the document is (the store is
// read behind Mattermost's back, the record from PostgreSQL).

import {createHash, randomBytes} from 'node:crypto';

import {pluginKvJson} from '../integration/helpers/plugin_kv';
import {fileInfoPath, localFileStoreView} from '../stack/file_store';
import {MattermostClient, waitFor} from '../stack/mm_client';
import {setPluginSettings} from '../stack/plugin_settings';
import {isAlive} from '../stack/processes';
import {clientAs, readStack} from '../stack/stack';

import {ControlledCollabora} from './discovery_control';
import {apiPath, openSession, pluginId, sidecarPid, sleep, useCollabora, waitHealthy, wopiTarget} from './stress_stack';
import {startSecondNode, type SecondNode} from './stack_processes';
import type {WopiSession} from './wopi_client';

const DOCUMENTS = 4;
const AUTOSAVES = 6;
const CLAIM_SECONDS = 2;
// Upload markers go stale after six claim lifetimes (documents/upload_markers.ts).
const UPLOAD_STALE_SECONDS = 6 * CLAIM_SECONDS;

interface Doc {
    fileId: string;
    session: WopiSession;
    // Every body sent for the document (stored or not), by content hash.
    sent: Map<string, Buffer>;
    original: Buffer;
    exit: Buffer;
}

interface StoredRecord {
    currentFileId: string;
    revisions: Array<{fileId: string; originalFileId?: string}>;
    pendingRemoval?: unknown[];
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

describe('revision retention under faults', () => {
    const collabora = new ControlledCollabora();
    const member = clientAs('member');
    const admin = clientAs('admin');
    const channelId = readStack().channels.public.id;
    const store = localFileStoreView();
    let node2: SecondNode;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora, {RevisionSessionsKept: 1, RemovalClaimSeconds: CLAIM_SECONDS});
        node2 = await startSecondNode(Number(process.env.STRESS_NODE2_PORT ?? Number(new URL(readStack().url).port) + 1));
    }, 240_000);
    afterAll(async () => {
        await setPluginSettings(admin, pluginId(), {RevisionSessionsKept: 20, RemovalClaimSeconds: 600});
        await node2?.stop();
        await collabora.close();
    });

    async function lockedDocument(i: number): Promise<Doc> {
        const original = Buffer.concat([Buffer.from('PK retention stress '), randomBytes(2048)]);
        const form = new FormData();
        form.append('channel_id', channelId);
        form.append('files', new Blob([original as Uint8Array<ArrayBuffer>]), `retention-${i}.docx`);
        const fileId = (await member.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form})).file_infos[0].id;
        await member.request('POST', '/api/v4/posts', {body: {channel_id: channelId, message: `retention ${i}`, file_ids: [fileId]}});
        const session = await openSession('member', fileId, 'edit', collabora);
        expect((await session.checkFileInfo()).status).toBe(200);
        expect((await session.lock()).status).toBe(200);
        return {fileId, session, sent: new Map(), original, exit: Buffer.alloc(0)};
    }

    // Autosaves alternating between the servers, as Collabora's saves would behind a balancer.
    // A save cut by the kill may fail; Collabora then reloads the timestamp and goes on.
    async function autosaves(d: Doc): Promise<void> {
        for (let n = 0; n < AUTOSAVES; n++) {
            d.session.target = wopiTarget(collabora, n % 2 === 0 ? undefined : node2.url);
            const bytes = Buffer.concat([d.original, randomBytes(256)]);
            d.sent.set(sha(bytes), bytes);
            const res = await d.session.putFile(bytes, {autosave: true}).catch(() => null);
            if (res?.status !== 200) {
                await waitHealthy(60_000);
                await d.session.checkFileInfo();
            }
        }
    }

    it('keeps every listed revision and nothing else when a sidecar is killed mid-removal and two servers clean at once', async () => {
        const before = new Set((await store.list()).map((f) => f.key));
        const docs: Doc[] = [];
        for (let i = 0; i < DOCUMENTS; i++) {
            docs.push(await lockedDocument(i));
        }
        const victim = sidecarPid();
        const saving = Promise.all(docs.map(autosaves));
        await sleep(150);
        process.kill(victim, 'SIGKILL');
        await waitFor('the sidecar to die', async () => (!isAlive(victim) ? true : undefined), 10_000, 50);
        await saving;
        await waitHealthy(60_000);

        for (const d of docs) {
            d.session.target = wopiTarget(collabora);
            expect((await d.session.checkFileInfo()).status).toBe(200);
            d.exit = Buffer.concat([d.original, Buffer.from('exit save'), randomBytes(64)]);
            d.sent.set(sha(d.exit), d.exit);
            expect((await d.session.putFile(d.exit, {exit: true})).status).toBe(200);
            expect((await d.session.unlock()).status).toBe(200);
        }

        // Claims and upload markers the kill left behind go stale (cleanup_job.ts); then both
        // servers clean at once, twice.
        await sleep(UPLOAD_STALE_SECONDS * 1000 + 500);
        const clients = [readStack().url, node2.url].map((url) => new MattermostClient(url, admin.token));
        for (let round = 0; round < 2; round++) {
            const statuses = await Promise.all(clients.map(async (c) => (await c.fetch('POST', apiPath('/admin/cleanup'))).status));
            expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
        }

        // What the test added to the store, by content.
        const added = new Map<string, string>();
        for (const f of (await store.list()).filter((o) => !before.has(o.key))) {
            added.set(f.key, sha(await store.read(f.key)));
        }
        for (const d of docs) {
            const record = await waitFor(`${d.fileId}'s removals to finish`, async () => {
                const r = pluginKvJson<StoredRecord>(pluginId(), `doc:${d.fileId}`);
                return r && (r.pendingRemoval ?? []).length === 0 && r.revisions.length === 2 ? r : undefined;
            }, 30_000, 250);
            // Kept: the original upload and the one ended session's exit save, byte for byte.
            const keptPaths = record.revisions.map((r) => fileInfoPath(r.originalFileId ?? r.fileId));
            expect(keptPaths.map((p) => added.get(p)).sort()).toEqual([sha(d.original), sha(d.exit)].sort());
            // Nothing else this document was sent is still stored.
            const strays = [...added].filter(([key, hash]) => d.sent.has(hash) && !keptPaths.includes(key));
            expect(strays).toEqual([]);
        }
    }, 300_000);
});
