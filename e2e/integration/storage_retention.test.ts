// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17 point 1 through the real server, on the driver the stack runs (local directory or S3
// bucket, listed through the store's own API): revisions retention no longer keeps leave the
// store, kept ones stay byte for byte, and a deleted post takes its saved revisions' bytes.

import {fileInfoPath, fileStoreView, storageDriver, type StoredFile} from '../stack/file_store';
import {waitFor} from '../stack/mm_client';
import {setPluginSettings} from '../stack/plugin_settings';
import {clientAs} from '../stack/stack';

import {createChannel, fixture, postAttachment, seededUser, sha256, type TestChannel, type TestUser} from './helpers/mm_world';
import {collaboraFor, fileInfoOf, mustOpen, startWopiWorld, type WopiWorld} from './helpers/wopi_world';

const store = fileStoreView();

function version(label: string): Buffer {
    return Buffer.concat([fixture('sample.docx'), Buffer.from(`\n<!-- ${label} ${Date.now()} ${Math.random()} -->\n`)]);
}

describe(`revision retention in Mattermost's file store (${storageDriver()} driver)`, () => {
    let world: WopiWorld;
    let channel: TestChannel;
    const member: TestUser = seededUser('member');

    beforeAll(async () => {
        world = await startWopiWorld({RevisionSessionsKept: 2});
        channel = await createChannel(clientAs('admin'), 'O', [member]);
    });
    afterAll(async () => {
        // Later files that keep their own settings get the defaults back.
        await setPluginSettings(clientAs('admin'), world.pluginId, {RevisionSessionsKept: 20, RevisionDaysKept: 365});
        await world?.close();
    });

    const listed = async (): Promise<Map<string, StoredFile>> => new Map((await store.list()).map((f) => [f.key, f]));

    // One editing session as Collabora plays it: autosaves, then the exit save and the unlock.
    async function session(fileId: string, autosaves: Buffer[], exit: Buffer): Promise<void> {
        const s = collaboraFor(world, await mustOpen(member, fileId, 'edit'));
        await fileInfoOf(s);
        expect((await s.lock()).status).toBe(200);
        for (const bytes of autosaves) {
            expect((await s.putFile(bytes, {isAutosave: true, isModifiedByUser: true})).status).toBe(200);
        }
        expect((await s.putFile(exit, {isExitSave: true, isModifiedByUser: true})).status).toBe(200);
        expect((await s.unlock()).status).toBe(200);
    }

    // The objects this test added to the store, once the plugin's removals settled on `want`.
    async function settledOn(before: Map<string, StoredFile>, want: number): Promise<StoredFile[]> {
        let added: StoredFile[] = [];
        await waitFor(`${want} new objects in ${store.where}`, async () => {
            added = [...(await listed()).values()].filter((f) => !before.has(f.key));
            return added.length === want ? true : undefined;
        }, 20_000, 250);
        return added;
    }

    it('keeps the open and the two newest ended sessions\' saves, thins autosaves, and removes the rest from the store', async () => {
        const before = await listed();
        const original = fixture('sample.docx');
        const doc = await postAttachment(member, channel.id, 'retention.docx', original);
        const exits: Buffer[] = [];
        let saves = 0;
        for (const label of ['first', 'second', 'third']) {
            const autosaves = [version(`${label} autosave 1`), version(`${label} autosave 2`)];
            exits.push(version(`${label} exit`));
            await session(doc.fileId, autosaves, exits[exits.length - 1]);
            saves += autosaves.length + 1;
        }

        // Stored: the original upload and the exits of the two newest sessions; of the nine saves,
        // seven are gone (six autosaves and the first session's exit).
        const added = await settledOn(before, 3);
        const revisions = (await member.client.request<{revisions: Array<{fileId: string; originalFileId?: string; size: number}>}>(
            'GET', `/plugins/${world.pluginId}/api/v1/files/${doc.fileId}/revisions`)).revisions;
        expect(revisions).toHaveLength(3);
        expect(saves).toBe(9);
        const wanted = [original, exits[2], exits[1]].map(sha256).sort();
        const got = await Promise.all(added.map(async (f) => sha256(await store.read(f.key))));
        expect(got.sort()).toEqual(wanted);
        for (const r of revisions) {
            expect(added.map((f) => f.key)).toContain(store.keyOf(fileInfoPath(r.originalFileId ?? r.fileId)));
        }
    });

    it('removes the saved revisions\' bytes with the deleted post, and leaves the files the post showed to Mattermost', async () => {
        const before = await listed();
        const original = fixture('sample.docx');
        const doc = await postAttachment(member, channel.id, 'deleted-with-post.docx', original);
        const lastExit = version('second exit');
        await session(doc.fileId, [version('autosave')], version('exit'));
        await session(doc.fileId, [], lastExit);
        // The original, and the two sessions' exit saves.
        await settledOn(before, 3);

        await member.client.request('DELETE', `/api/v4/posts/${doc.postId}`);

        // Mattermost soft-deletes the files of a deleted post and keeps their bytes (compliance
        // export, data retention): the author's upload and the attachment the post showed last.
        const added = await settledOn(before, 2);
        expect((await Promise.all(added.map(async (f) => sha256(await store.read(f.key))))).sort()).toEqual([original, lastExit].map(sha256).sort());
    });
});
