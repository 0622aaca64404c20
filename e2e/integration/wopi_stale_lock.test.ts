// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 15 points 2, 5 and 6 through the real stack: a lock a crashed Collabora left behind is
// shown and released (REST and /collabora unlock); ending a session that cannot end (archived
// channel) never breaks the next open; a user who lost the right to edit gets a view token.

import type {LockView} from '../../server-ts/src/api/file_lock';
import {CollaboraDocument, type ViewAccess} from '../collabora';
import {clientAs, readStack} from '../stack/stack';

import {createChannel, downloadFile, getPost, postAttachment, seededUser, type TestChannel, type TestUser} from './helpers/mm_world';
import {apiPath, collaboraFor, fileInfoOf, mustOpen, putPolicy, restoreClockKnobs, startWopiWorld, wopiSrcOf, type WopiWorld} from './helpers/wopi_world';

const TIMES = {lockRefreshMs: 60_000, autosaveMs: 60_000, idleSaveMs: 60_000, pollMs: 1000};
const LOCK_TTL_S = 3;

async function access(user: TestUser, fileId: string, mode: 'view' | 'edit'): Promise<ViewAccess> {
    const opened = await mustOpen(user, fileId, mode);
    return {accessToken: opened.accessToken, accessTokenTtl: opened.accessTokenTtl, mode: opened.mode};
}

async function lockOf(user: TestUser, fileId: string, method: 'GET' | 'DELETE' = 'GET'): Promise<{status: number; body: LockView & {code?: string}}> {
    const res = await user.client.fetch(method, apiPath(fileId, 'rights').replace(/rights$/, 'lock'));
    return {status: res.status, body: await res.json() as LockView & {code?: string}};
}

describe('Stale locks, sessions that cannot end, and lost edit rights', () => {
    let world: WopiWorld;
    let channel: TestChannel;
    const owner = seededUser('member');
    const colleague = seededUser('member2');

    beforeAll(async () => {
        world = await startWopiWorld({LockTtlSeconds: LOCK_TTL_S});
        channel = await createChannel(clientAs('admin'), 'O', [owner, colleague]);
    });
    afterAll(async () => {
        await world?.close();
        await restoreClockKnobs();
    });

    it('shows who holds a crashed editor\'s lock; the owner releases it, the crashed session can no longer save, a new one edits', async () => {
        const posted = await postAttachment(owner, channel.id, 'crash.docx', Buffer.from('PK crash\n'));
        const wopiSrc = wopiSrcOf((await mustOpen(colleague, posted.fileId, 'edit')).actionUrl);
        const crashed = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        await crashed.join('colleague', await access(colleague, posted.fileId, 'edit'));
        crashed.edit('colleague', 'unsaved\n');
        crashed.crash();

        // A restarted Collabora opens the document again: its lock is refused, it opens read-only.
        const restarted = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        expect(await restarted.join('owner', await access(owner, posted.fileId, 'edit'))).toEqual({readOnly: true});
        const seen = await lockOf(colleague, posted.fileId);
        expect(seen).toEqual({status: 200, body: {locked: true, holderId: colleague.id, holderName: expect.any(String), since: expect.any(Number), contested: true, canRelease: false}});
        const refused = await lockOf(colleague, posted.fileId, 'DELETE');
        expect([refused.status, refused.body.code]).toEqual([403, 'LOCK_RELEASE_NOT_ALLOWED']);

        const released = await lockOf(owner, posted.fileId, 'DELETE');
        expect(released).toEqual({status: 200, body: {locked: false, contested: false, canRelease: true}});
        // The crashed session's lock id no longer saves, not even after its lock would have lapsed.
        const late = collaboraFor(world, await mustOpen(colleague, posted.fileId, 'edit'), {lockId: crashed.lockId});
        await fileInfoOf(late);
        const lateSave = await late.putFile(Buffer.from('PK crash\nlate\n'));
        expect([lateSave.status, lateSave.headers['x-wopi-lock']]).toEqual([409, '']);

        restarted.crash();
        const fresh = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        expect(await fresh.join('owner', await access(owner, posted.fileId, 'edit'))).toEqual({readOnly: false});
        fresh.edit('owner', 'after release\n');
        await fresh.leave('owner');
        expect(fresh.events.filter((e) => e.status !== 200).map((e) => [e.call, e.status])).toEqual([]);
        const post = await getPost(owner.client, posted.postId);
        expect((await downloadFile(owner.client, post.file_ids![0])).bytes.toString()).toBe('PK crash\nafter release\n');
    });

    it('/collabora unlock lists the locked document and releases it for the owner', async () => {
        const posted = await postAttachment(owner, channel.id, 'command.docx', Buffer.from('PK command\n'));
        const wopiSrc = wopiSrcOf((await mustOpen(colleague, posted.fileId, 'edit')).actionUrl);
        const crashed = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        await crashed.join('colleague', await access(colleague, posted.fileId, 'edit'));
        crashed.crash();
        const execute = async (user: TestUser, command: string) => (await user.client.request<{text: string}>('POST', '/api/v4/commands/execute', {
            body: {channel_id: channel.id, team_id: readStack().team.id, command},
        })).text;
        expect(await execute(colleague, '/collabora unlock')).toContain('**command.docx**');
        expect(await execute(colleague, '/collabora unlock command.docx')).toContain('Only the document\'s owner');
        expect(await execute(owner, '/collabora unlock command.docx')).toContain('Released the lock on **command.docx**');
        expect((await lockOf(owner, posted.fileId)).body.locked).toBe(false);
    });

    it('answers CheckFileInfo and Lock normally when ending the last session fails (archived channel), and ends it later', async () => {
        const archived = await createChannel(clientAs('admin'), 'O', [owner, colleague]);
        const posted = await postAttachment(owner, archived.id, 'archive.docx', Buffer.from('PK archive\n'));
        const wopiSrc = wopiSrcOf((await mustOpen(colleague, posted.fileId, 'edit')).actionUrl);
        const doc = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        await doc.join('colleague', await access(colleague, posted.fileId, 'edit'));
        doc.edit('colleague', 'saved before the crash\n');
        expect((await doc.save('colleague'))?.status).toBe(200);
        doc.crash();
        await clientAs('admin').request('DELETE', `/api/v4/channels/${archived.id}`);
        await new Promise((r) => setTimeout(r, (LOCK_TTL_S + 1) * 1000));

        // The lock lapsed: CheckFileInfo tries to give the post the newest revision, which an
        // archived channel refuses. The open still works, read-only as the channel now is.
        const viewer = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        expect(await viewer.join('owner', await access(owner, posted.fileId, 'view'))).toEqual({readOnly: true});
        expect(viewer.events.map((e) => [e.call, e.status])).toEqual([['CheckFileInfo', 200], ['GetFile', 200]]);
        expect(viewer.content.toString()).toBe('PK archive\nsaved before the crash\n');
        viewer.crash();
        // The end was refused (the post still shows the original), not skipped.
        expect((await getPost(owner.client, posted.postId)).file_ids).toEqual([posted.fileId]);

        // Unarchived, the next open ends the session: the post shows the saved revision.
        await clientAs('admin').request('POST', `/api/v4/channels/${archived.id}/restore`);
        const again = new CollaboraDocument({wopiSrc, signer: world.standIn.signer, times: TIMES});
        await again.join('owner', await access(owner, posted.fileId, 'view'));
        again.crash();
        const post = await getPost(owner.client, posted.postId);
        expect((await downloadFile(owner.client, post.file_ids![0])).bytes.toString()).toBe('PK archive\nsaved before the crash\n');
    });

    it('gives an open editor a view token when its user lost the right to edit', async () => {
        const posted = await postAttachment(owner, channel.id, 'rights.docx', Buffer.from('PK rights\n'));
        const editing = await mustOpen(colleague, posted.fileId, 'edit');
        expect(editing.mode).toBe('edit');
        expect((await putPolicy(owner, posted.fileId, 'owner')).status).toBe(200);
        // What the webapp's token refresh asks for: the same mode again.
        const renewed = await mustOpen(colleague, posted.fileId, 'edit');
        expect(renewed.mode).toBe('view');
        const session = collaboraFor(world, renewed);
        expect((await fileInfoOf(session)).UserCanWrite).toBe(false);
        expect((await session.getFile()).status).toBe(200);
    });
});
