// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Documents stored where Mattermost stores files, whatever its driver: a full editing session,
// co-editing, Save As, Rename, revision restore and a 100 MiB document, each followed by a look
// into the file store itself, behind Mattermost's back: the local directory, or the bucket of the
// s3 stack through the S3 API (STACK_STORAGE=s3, see e2e/stack/s3_env.sh). Every new revision
// must be there with exactly the bytes saved, and every older revision must still be there.
// The plugin never touches the store: it goes through the Plugin API only, so these tests pass
// on both drivers unchanged (`make test-integration` runs them on both).

import {createHash, randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {CollaboraSession, startCollaboraStandIn} from '../collabora';
import type {CollaboraStandIn} from '../collabora';
import {fileInfoPath, fileStoreView, localFileStoreView, storageDriver} from '../stack/file_store';
import {waitFor} from '../stack/mm_client';
import {setPluginSettings} from '../stack/plugin_settings';
import {findSidecars} from '../stack/processes';
import {clientAs, pluginDir, readStack, requirePlugin} from '../stack/stack';
import type {UserKey} from '../stack/stack';

const MiB = 1024 * 1024;
const store = fileStoreView();

interface Revision {
    fileId: string;
    size: number;
    userId: string;
    current: boolean;
    // Set once a post stopped showing the revision: its bytes then also live in a copy (fileId).
    originalFileId?: string;
}

interface Opened {
    docId: string;
    wopiSrc: string;
    session: CollaboraSession;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

// A docx from the fixtures with a unique tail: every document of these tests has its own bytes.
function documentBytes(tag: string): Buffer {
    return Buffer.concat([readFileSync(join(__dirname, '..', 'fixtures', 'sample.docx')), Buffer.from(`\n${tag} ${randomBytes(8).toString('hex')}\n`)]);
}

describe(`documents in Mattermost's file store (${storageDriver()} driver)`, () => {
    let standIn: CollaboraStandIn;
    let pluginId: string;
    let previousCollaboraUrl: unknown;
    const admin = clientAs('admin');
    const channelId = readStack().channels.public.id;

    const api = (path: string): string => `/plugins/${pluginId}/api/v1${path}`;

    async function postDocument(user: UserKey, name: string, bytes: Buffer): Promise<{fileId: string; postId: string}> {
        const client = clientAs(user);
        const form = new FormData();
        form.append('channel_id', channelId);
        form.append('files', new Blob([new Uint8Array(bytes)]), name);
        const uploaded = await client.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form});
        const fileId = uploaded.file_infos[0].id;
        const post = await client.request<{id: string}>('POST', '/api/v4/posts', {body: {channel_id: channelId, message: `storage test: ${name}`, file_ids: [fileId]}});
        return {fileId, postId: post.id};
    }

    async function open(user: UserKey, fileId: string): Promise<Opened> {
        const editor = await clientAs(user).request<{actionUrl: string; accessToken: string; accessTokenTtl: number; mode: string; docId: string}>(
            'POST', api(`/files/${fileId}/open`), {body: {mode: 'edit'}});
        expect(editor.mode).toBe('edit');
        const wopiSrc = new URL(editor.actionUrl).searchParams.get('WOPISrc') ?? '';
        expect(wopiSrc).toContain(`/plugins/${pluginId}/wopi/files/`);
        const session = new CollaboraSession({wopiSrc, accessToken: editor.accessToken, accessTokenTtl: editor.accessTokenTtl, signer: standIn.signer});
        return {docId: editor.docId, wopiSrc, session};
    }

    // CheckFileInfo, Lock, GetFile: what Collabora does when the first user opens a document.
    async function load(opened: Opened, expected: Buffer): Promise<void> {
        expect((await opened.session.checkFileInfo()).status).toBe(200);
        expect((await opened.session.lock()).status).toBe(200);
        const got = await opened.session.getFile();
        expect(got.status).toBe(200);
        expect(sha256(got.body)).toBe(sha256(expected));
    }

    async function save(session: CollaboraSession, bytes: Buffer, exit = false): Promise<void> {
        const res = await session.putFile(bytes, {isExitSave: exit});
        expect({status: res.status, body: res.text().slice(0, 200)}).toEqual({status: 200, body: expect.anything()});
    }

    // Revisions by the file id each was stored under: a revision a post stopped showing is also
    // kept as a readable copy, but its object in the store is the one checked here.
    async function revisions(fileId: string): Promise<Revision[]> {
        const listed = (await clientAs('member').request<{revisions: Revision[]}>('GET', api(`/files/${fileId}/revisions`))).revisions;
        return listed.map((r) => ({...r, fileId: r.originalFileId ?? r.fileId}));
    }

    async function attachmentOf(postId: string): Promise<string[]> {
        return (await admin.request<{file_ids?: string[]}>('GET', `/api/v4/posts/${postId}`)).file_ids ?? [];
    }

    // The object of each file is in the store, listed through the store's own API (S3
    // ListObjectsV2, or the directory), at the path Mattermost recorded, with exactly these bytes.
    async function expectStored(expected: Array<{fileId: string; bytes: Buffer; name?: string}>): Promise<void> {
        const files = await store.list();
        const keys = new Map(files.map((f) => [f.key, f.size]));
        for (const want of expected) {
            const key = store.keyOf(fileInfoPath(want.fileId));
            expect({fileId: want.fileId, key, where: store.where, listed: keys.has(key)}).toEqual({fileId: want.fileId, key, where: store.where, listed: true});
            expect(keys.get(key)).toBe(want.bytes.length);
            if (want.name !== undefined) {
                expect(key.endsWith(`/${want.name}`)).toBe(true);
            }
            expect(sha256(await store.read(key))).toBe(sha256(want.bytes));
        }
        if (store.driver === 's3') {
            // Nothing landed in the local directory the server was also given: all went to S3.
            const local = new Set((await localFileStoreView().list()).map((f) => f.key));
            for (const want of expected) {
                expect(local.has(fileInfoPath(want.fileId))).toBe(false);
            }
        }
    }

    beforeAll(async () => {
        pluginId = requirePlugin().id;
        standIn = await startCollaboraStandIn();
        const config = await admin.request<{PluginSettings: {Plugins: Record<string, Record<string, unknown>>}}>('GET', '/api/v4/config');
        previousCollaboraUrl = config.PluginSettings.Plugins[pluginId]?.collaboraurl ?? '';
        await setPluginSettings(admin, pluginId, {CollaboraUrl: standIn.url});
        // The sidecar fetches discovery on the configuration change; opening works once it has.
        const probe = readStack().files['public/sample.docx'].id;
        await waitFor('the plugin to reach the Collabora stand-in', async () => {
            const res = await clientAs('member').fetch('POST', api(`/files/${probe}/open`), {body: {mode: 'view'}});
            return res.status === 200 ? true : undefined;
        }, 30_000);
    });

    afterAll(async () => {
        if (pluginId !== undefined) {
            await setPluginSettings(admin, pluginId, {CollaboraUrl: previousCollaboraUrl});
        }
        await standIn?.close();
    });

    it('stores every save of an editing session as a new object and keeps the original', async () => {
        const original = documentBytes('original');
        const {fileId, postId} = await postDocument('member', 'storage-session.docx', original);
        const opened = await open('member', fileId);
        await load(opened, original);
        const v2 = documentBytes('autosave');
        const v3 = documentBytes('exit save');
        await save(opened.session, v2);
        await save(opened.session, v3, true);
        expect((await opened.session.unlock()).status).toBe(200);

        const revs = await revisions(fileId);
        expect(revs.map((r) => r.size)).toEqual([v3.length, v2.length, original.length]);
        expect(revs[0].current).toBe(true);
        expect(revs[2].fileId).toBe(fileId);
        // The session ended: the post shows the newest revision.
        await waitFor('the post to show the newest revision', async () => ((await attachmentOf(postId))[0] === revs[0].fileId ? true : undefined), 15_000);
        await expectStored([
            {fileId: revs[0].fileId, bytes: v3, name: 'storage-session.docx'},
            {fileId: revs[1].fileId, bytes: v2},
            {fileId, bytes: original, name: 'storage-session.docx'},
        ]);
        // Mattermost serves the new revision from its store, too.
        const res = await clientAs('member2').fetch('GET', `/api/v4/files/${revs[0].fileId}`);
        expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(sha256(v3));
    });

    it('stores the saves of two co-editors, each under its author', async () => {
        const original = documentBytes('co-editing original');
        const {fileId} = await postDocument('member', 'storage-coedit.docx', original);
        const first = await open('member', fileId);
        const second = await open('member2', fileId);
        // One document, one WOPISrc: Collabora puts both users in the same editing session.
        expect(second.wopiSrc).toBe(first.wopiSrc);
        await load(first, original);
        // The second user joins the running session: CheckFileInfo with their own token, and
        // the document's one lock, which Collabora holds for everyone in it.
        expect((await second.session.checkFileInfo()).status).toBe(200);
        Object.defineProperty(second.session, 'lockId', {value: first.session.lockId});

        const byFirst = documentBytes('first co-editor');
        await save(first.session, byFirst);
        // Collabora's next save, made for the second user, carries the timestamp of the last one.
        second.session.lastModifiedTime = first.session.lastModifiedTime;
        const bySecond = documentBytes('second co-editor');
        await save(second.session, bySecond, true);
        expect((await second.session.unlock()).status).toBe(200);

        const stack = readStack();
        const revs = await revisions(fileId);
        expect(revs.map((r) => [r.size, r.userId])).toEqual([
            [bySecond.length, stack.users.member2.id],
            [byFirst.length, stack.users.member.id],
            [original.length, stack.users.member.id],
        ]);
        await expectStored([{fileId: revs[0].fileId, bytes: bySecond}, {fileId: revs[1].fileId, bytes: byFirst}, {fileId, bytes: original}]);
    });

    it('stores a Save As copy as a new file and leaves the original untouched', async () => {
        const original = documentBytes('save-as original');
        const {fileId, postId} = await postDocument('member', 'storage-saveas.docx', original);
        const opened = await open('member', fileId);
        await load(opened, original);
        const copy = documentBytes('save-as copy');
        const res = await opened.session.putRelativeFile(copy, 'storage-saveas copy.docx');
        expect(res.status).toBe(200);
        const created = res.json() as {Name: string; Url: string};
        expect(created.Name).toBe('storage-saveas copy.docx');
        const copyId = new URL(created.Url).pathname.split('/').pop() ?? '';
        expect(copyId).toMatch(/^[a-z0-9]{26}$/);
        expect((await opened.session.unlock()).status).toBe(200);

        // The copy is a new attachment in the thread; the original post still shows the original.
        const info = await admin.request<{post_id: string; size: number}>('GET', `/api/v4/files/${copyId}/info`);
        expect(info.size).toBe(copy.length);
        expect(info.post_id).not.toBe('');
        expect(await attachmentOf(postId)).toEqual([fileId]);
        await expectStored([{fileId: copyId, bytes: copy, name: 'storage-saveas copy.docx'}, {fileId, bytes: original, name: 'storage-saveas.docx'}]);
    });

    it('stores a renamed document as a new object under the new name and keeps the old one', async () => {
        const original = documentBytes('rename original');
        const {fileId, postId} = await postDocument('member', 'storage-rename.docx', original);
        const opened = await open('member', fileId);
        await load(opened, original);
        const res = await opened.session.renameFile('Storage renamed report');
        expect(res.status).toBe(200);
        expect((res.json() as {Name: string}).Name).toBe('Storage renamed report');
        expect((await opened.session.unlock()).status).toBe(200);

        const revs = await revisions(fileId);
        expect(revs).toHaveLength(2);
        await waitFor('the post to show the renamed revision', async () => ((await attachmentOf(postId))[0] === revs[0].fileId ? true : undefined), 15_000);
        await expectStored([
            {fileId: revs[0].fileId, bytes: original, name: 'Storage renamed report.docx'},
            {fileId, bytes: original, name: 'storage-rename.docx'},
        ]);
    });

    // A session with an autosave and an exit save; the post then shows the exit save.
    async function editedDocument(tag: string): Promise<{fileId: string; postId: string; original: Buffer; autosaved: Buffer; exitSaved: Buffer; revs: Revision[]}> {
        const original = documentBytes(`${tag} original`);
        const {fileId, postId} = await postDocument('member', `${tag}.docx`, original);
        const opened = await open('member', fileId);
        await load(opened, original);
        const autosaved = documentBytes(`${tag} autosave`);
        const exitSaved = documentBytes(`${tag} exit save`);
        await save(opened.session, autosaved);
        await save(opened.session, exitSaved, true);
        expect((await opened.session.unlock()).status).toBe(200);
        const revs = await revisions(fileId);
        expect(revs.map((r) => r.size)).toEqual([exitSaved.length, autosaved.length, original.length]);
        await waitFor('the post to show the exit save', async () => ((await attachmentOf(postId))[0] === revs[0].fileId ? true : undefined), 15_000);
        return {fileId, postId, original, autosaved, exitSaved, revs};
    }

    it('restores an old revision as a new object with its bytes, keeping every revision', async () => {
        const {fileId, postId, original, autosaved, exitSaved, revs} = await editedDocument('storage-restore');
        const restored = await clientAs('member').request<{fileId: string}>('POST', api(`/files/${fileId}/revisions/${revs[1].fileId}/restore`));
        expect(revs.map((r) => r.fileId)).not.toContain(restored.fileId);
        const after = await revisions(fileId);
        expect(after.map((r) => r.fileId)).toEqual([restored.fileId, ...revs.map((r) => r.fileId)]);
        expect(after[0].size).toBe(autosaved.length);
        await waitFor('the post to show the restored revision', async () => ((await attachmentOf(postId))[0] === restored.fileId ? true : undefined), 15_000);
        await expectStored([
            {fileId: restored.fileId, bytes: autosaved, name: 'storage-restore.docx'},
            {fileId: revs[0].fileId, bytes: exitSaved},
            {fileId: revs[1].fileId, bytes: autosaved},
            {fileId, bytes: original},
        ]);
    });

    // Known bug, found by this test on both drivers: when the session ends, UpdatePost swaps the
    // post's attachment and Mattermost soft-deletes the FileInfo it removed
    // (processPostFileChanges -> DeleteForPostByIds). GetFileInfo and GetFile then answer 404
    // for it, so every revision that was once attached (the original upload, each earlier
    // session's last save) answers REVISION_NOT_FOUND, although its bytes are still in the
    // store. The plugin now copies such a file before the swap (SessionEnder.preserve).
    it('restores the original upload once the post shows a newer revision', async () => {
        const {fileId, original} = await editedDocument('storage-restore-original');
        const restored = await clientAs('member').request<{fileId: string}>('POST', api(`/files/${fileId}/revisions/${fileId}/restore`));
        await expectStored([{fileId: restored.fileId, bytes: original}, {fileId, bytes: original}]);
    });

    it('stores a 100 MiB document and a 100 MiB save in full', async () => {
        const original = randomBytes(100 * MiB);
        const {fileId} = await postDocument('member', 'storage-100mib.docx', original);
        const opened = await open('member', fileId);
        await load(opened, original);
        const saved = randomBytes(100 * MiB);
        await save(opened.session, saved, true);
        expect((await opened.session.unlock()).status).toBe(200);

        const revs = await revisions(fileId);
        expect(revs.map((r) => r.size)).toEqual([saved.length, original.length]);
        await expectStored([{fileId: revs[0].fileId, bytes: saved, name: 'storage-100mib.docx'}, {fileId, bytes: original}]);
    }, 600_000);

    it('keeps the storage settings out of the sidecar: none in its environment', () => {
        const sidecars = findSidecars(pluginDir());
        expect(sidecars.length).toBeGreaterThan(0);
        for (const {pid} of sidecars) {
            const environ = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
            expect(environ.filter((kv) => kv.startsWith('MM_'))).toEqual([]);
            const secret = process.env.S3_SECRET_ACCESS_KEY;
            if (secret !== undefined && secret !== '') {
                expect(environ.some((kv) => kv.includes(secret))).toBe(false);
            }
        }
    });
});
