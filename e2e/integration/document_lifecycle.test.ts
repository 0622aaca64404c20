// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17 through the real server: a deleted post takes its document with it (open sessions
// refused, routes answer as for an unknown file, KV records gone, read from PostgreSQL), a post
// edit that removes the attachment does the same, and the edit summary cannot mention or format
// from a renamed document's name.

import {clientAs} from '../stack/stack';
import {waitFor} from '../stack/mm_client';

import {createChannel, fixture, postAttachment, seededUser, threadReplies, type TestChannel, type TestUser} from './helpers/mm_world';
import {pluginKvKeys} from './helpers/plugin_kv';
import {apiPath, collaboraFor, fileInfoOf, getRights, mustOpen, openFile, startWopiWorld, type WopiWorld} from './helpers/wopi_world';

const EDIT_SUMMARY_PROP = 'collabora_edit_summary';

function edited(original: Buffer, label: string): Buffer {
    return Buffer.concat([original, Buffer.from(`\n<!-- ${label} ${Date.now()} -->\n`)]);
}

describe('document lifecycle through Mattermost', () => {
    let world: WopiWorld;
    let channel: TestChannel;
    const member: TestUser = seededUser('member');
    const member2: TestUser = seededUser('member2');
    const original = fixture('sample.docx');

    beforeAll(async () => {
        world = await startWopiWorld();
        channel = await createChannel(clientAs('admin'), 'O', [member, member2]);
    });
    afterAll(async () => {
        await world?.close();
    });

    // Every plugin route about a file, as member2 (who may edit) sees it.
    async function routeStatuses(fileId: string): Promise<Record<string, number>> {
        const get = async (path: string): Promise<number> => (await member2.client.fetch('GET', path)).status;
        const base = `/plugins/${world.pluginId}/api/v1/files/${fileId}`;
        return {
            rights: (await getRights(member2, fileId)).status,
            revisions: await get(`${base}/revisions`),
            lock: await get(`${base}/lock`),
            editors: await get(`${base}/editors`),
            open: (await openFile(member2, fileId, 'edit')).status,
            link: (await member2.client.fetch('POST', `${base}/link`, {body: {mode: 'edit'}})).status,
            policy: (await member2.client.fetch('PUT', apiPath(fileId, 'policy'), {body: {policy: 'owner'}})).status,
        };
    }
    const allUnknown = {rights: 404, revisions: 404, lock: 404, editors: 404, open: 404, link: 404, policy: 404};

    it('removes the document of a deleted post: the open session is refused, every route answers 404, its KV records are gone', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const s = collaboraFor(world, await mustOpen(member, doc.fileId, 'edit'));
        await fileInfoOf(s);
        expect((await s.lock()).status).toBe(200);
        expect((await s.putFile(edited(original, 'autosave'), {isAutosave: true})).status).toBe(200);
        const revisions = await member2.client.request<{revisions: Array<{fileId: string}>}>('GET', `/plugins/${world.pluginId}/api/v1/files/${doc.fileId}/revisions`);
        const savedRevision = revisions.revisions.map((r) => r.fileId).find((id) => id !== doc.fileId);
        expect(savedRevision).toBeDefined();
        expect(pluginKvKeys(world.pluginId, doc.fileId)).toEqual(expect.arrayContaining([`doc:${doc.fileId}`, `lock:${doc.fileId}`]));
        expect(pluginKvKeys(world.pluginId, savedRevision!)).toEqual([`file:${savedRevision}`]);
        expect(await routeStatuses(doc.fileId)).toMatchObject({rights: 200, revisions: 200});

        await member.client.request('DELETE', `/api/v4/posts/${doc.postId}`);

        // The hook runs after Mattermost answered: wait for the records to go.
        await waitFor('the document records to be removed', async () => (pluginKvKeys(world.pluginId, doc.fileId).length === 0 ? true : undefined), 15_000, 200);
        expect(pluginKvKeys(world.pluginId, savedRevision!)).toEqual([]);
        expect((await s.checkFileInfo()).status).toBe(404);
        expect((await s.putFile(edited(original, 'after delete'))).status).toBe(404);
        expect((await s.getFile()).status).toBe(404);
        expect(await routeStatuses(doc.fileId)).toEqual(allUnknown);
        expect(await routeStatuses(savedRevision!)).toEqual(allUnknown);
        // Nothing came back from the refused calls.
        expect(pluginKvKeys(world.pluginId, doc.fileId)).toEqual([]);
    });

    it('removes the document whose attachment a post edit took away, and keeps the post\'s other document', async () => {
        const upload = async (name: string, bytes: Buffer): Promise<string> => {
            const form = new FormData();
            form.append('channel_id', channel.id);
            form.append('files', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
            return (await member.client.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form})).file_infos[0].id;
        };
        const keptId = await upload('kept.docx', edited(original, 'kept'));
        const goneId = await upload('gone.docx', original);
        const post = await member.client.request<Record<string, unknown> & {id: string}>('POST', '/api/v4/posts', {
            body: {channel_id: channel.id, message: 'two documents', file_ids: [keptId, goneId]},
        });
        const s = collaboraFor(world, await mustOpen(member, goneId, 'edit'));
        await fileInfoOf(s);
        expect((await getRights(member2, keptId)).status).toBe(200);
        expect(pluginKvKeys(world.pluginId, goneId)).toContain(`doc:${goneId}`);

        const patched = await member.client.fetch('PUT', `/api/v4/posts/${post.id}`, {body: {...post, file_ids: [keptId]}});
        expect(patched.status).toBe(200);

        await waitFor('the document records to be removed', async () => (pluginKvKeys(world.pluginId, goneId).length === 0 ? true : undefined), 15_000, 200);
        expect((await s.checkFileInfo()).status).toBe(404);
        expect(await routeStatuses(goneId)).toEqual(allUnknown);
        expect((await getRights(member2, keptId)).status).toBe(200);
        expect(pluginKvKeys(world.pluginId, keptId)).toContain(`doc:${keptId}`);
    });

    it('puts a renamed name into the edit summary as code: no @channel mention, no markup', async () => {
        const unread = async (): Promise<number> => (await member2.client.request<{mention_count: number}>('GET', `/api/v4/users/${member2.id}/channels/${channel.id}/unread`)).mention_count;
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const before = await unread();
        const s = collaboraFor(world, await mustOpen(member, doc.fileId, 'edit'));
        await fileInfoOf(s);
        expect((await s.lock()).status).toBe(200);
        expect((await s.renameFile('@channel __bold__ [x](y)')).status).toBe(200);
        expect((await s.putFile(edited(original, 'exit'), {isExitSave: true})).status).toBe(200);
        expect((await s.unlock()).status).toBe(200);

        const summary = await waitFor('the edit summary', async () => (await threadReplies(member2.client, doc.postId)).find((p) => p.props?.[EDIT_SUMMARY_PROP] !== undefined), 15_000, 200);
        expect(summary.message).toContain('edited `@channel __bold__ [x](y).docx` in Collabora Online');
        expect(await unread()).toBe(before);

        // The control: a real @channel from the same user does notify member2.
        await member.client.request('POST', '/api/v4/posts', {body: {channel_id: channel.id, message: '@channel control'}});
        await waitFor('the control mention', async () => ((await unread()) === before + 1 ? true : undefined), 10_000, 200);
    });
});
