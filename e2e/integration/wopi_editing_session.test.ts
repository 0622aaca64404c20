// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 4 through the real stack: documents opened through the plugin's REST API as real users,
// Collabora played by the stand-in (proof-signed, in coolwsd's call order) against the WOPISrc
// the editor URL carries, and the outcome read back through Mattermost's own API: the post, its
// attachment, the thread and the downloaded bytes.

import {ACCESS_REASONS} from '../../server-ts/src/policy/reasons';
import {CollaboraSession} from '../collabora';
import {clientAs, readStack} from '../stack/stack';

import {
    createChannel, downloadFile, fileInfo, fixture, getPost, postAttachment, seededUser, sha256, threadReplies,
    type TestChannel, type TestUser,
} from './helpers/mm_world';
import {
    collaboraFor, expectedWopiSrc, fileInfoOf, getRights, joinSession, mustOpen, putPolicy, startWopiWorld, storedBytes, wopiSrcOf,
    type WopiWorld,
} from './helpers/wopi_world';

const EDIT_SUMMARY_PROP = 'collabora_edit_summary';

function edited(original: Buffer, label: string): Buffer {
    return Buffer.concat([original, Buffer.from(`\n<!-- ${label} ${Date.now()} -->\n`)]);
}

describe('WOPI editing sessions through Mattermost', () => {
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

    it('saves a full editing session as a new revision that the post shows, with one edit summary', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const opened = await mustOpen(member, doc.fileId, 'edit');
        expect(opened).toMatchObject({mode: 'edit', docId: doc.fileId, fileName: 'sample.docx', postMessageOrigin: new URL(readStack().url).origin});
        expect(wopiSrcOf(opened.actionUrl)).toBe(expectedWopiSrc(doc.fileId));
        expect(opened.accessTokenTtl).toBeGreaterThan(Date.now());

        const s = collaboraFor(world, opened);
        const info = await fileInfoOf(s);
        expect(info).toMatchObject({
            BaseFileName: 'sample.docx', Size: original.length, Version: '1', OwnerId: member.id, UserId: member.id,
            UserCanWrite: true, UserCanNotWriteRelative: false, UserCanRename: true, SupportsLocks: true,
        });
        expect(s.lockId).toMatch(/^cool-lock[0-9a-f]+$/);
        expect((await s.lock()).status).toBe(200);
        const got = await s.getFile();
        expect(got.status).toBe(200);
        expect(got.headers['x-wopi-itemversion']).toBe('1');
        expect(got.body.equals(original)).toBe(true);

        const autosaved = edited(original, 'autosave');
        const autosave = await s.putFile(autosaved, {isAutosave: true});
        expect(autosave.status).toBe(200);
        expect(autosave.headers['x-wopi-itemversion']).toBe('2');
        expect(autosave.json()).toEqual({LastModifiedTime: expect.any(String)});
        // The new bytes are the document at once, but the post keeps its attachment until the
        // editing session ends.
        expect((await storedBytes(s)).equals(autosaved)).toBe(true);
        expect((await getPost(member.client, doc.postId)).file_ids).toEqual([doc.fileId]);

        expect((await s.refreshLock()).status).toBe(200);
        const final = edited(autosaved, 'exit save');
        const exitSave = await s.putFile(final, {isExitSave: true, isModifiedByUser: false});
        expect(exitSave.status).toBe(200);
        expect(exitSave.headers['x-wopi-itemversion']).toBe('3');
        expect((await s.unlock()).status).toBe(200);

        const post = await getPost(member2.client, doc.postId);
        expect(post.file_ids).toHaveLength(1);
        const newFileId = (post.file_ids ?? [])[0];
        expect(newFileId).not.toBe(doc.fileId);
        expect(await fileInfo(member2.client, newFileId)).toMatchObject({name: 'sample.docx', size: final.length, post_id: doc.postId, channel_id: channel.id});
        const download = await downloadFile(member2.client, newFileId);
        expect(download.status).toBe(200);
        expect(sha256(download.bytes)).toBe(sha256(final));

        const summaries = (await threadReplies(member2.client, doc.postId)).filter((p) => p.props?.[EDIT_SUMMARY_PROP] !== undefined);
        expect(summaries).toHaveLength(1);
        expect(summaries[0]).toMatchObject({user_id: member.id, root_id: doc.postId, props: {[EDIT_SUMMARY_PROP]: doc.fileId}});
        expect(summaries[0].message).toContain(`@${member.username}`);
        expect(summaries[0].message).toContain('sample.docx');
        expect(summaries[0].message).toContain(`/api/v4/files/${newFileId}`);

        // The document id (and so the WOPISrc) stays; a new session sees the last revision.
        const reopened = await mustOpen(member2, newFileId, 'edit');
        expect(reopened.docId).toBe(doc.fileId);
        expect(wopiSrcOf(reopened.actionUrl)).toBe(expectedWopiSrc(doc.fileId));
        const again = collaboraFor(world, reopened);
        expect(await fileInfoOf(again)).toMatchObject({Version: '3', Size: final.length});
        expect((await storedBytes(again)).equals(final)).toBe(true);
    });

    it('lets two users co-edit one document under one lock and one WOPISrc', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const first = await mustOpen(member, doc.fileId, 'edit');
        const second = await mustOpen(member2, doc.fileId, 'edit');
        expect(wopiSrcOf(first.actionUrl)).toBe(expectedWopiSrc(doc.fileId));
        expect(wopiSrcOf(second.actionUrl)).toBe(wopiSrcOf(first.actionUrl));
        expect(second.accessToken).not.toBe(first.accessToken);

        const s1 = collaboraFor(world, first);
        expect((await fileInfoOf(s1)).UserId).toBe(member.id);
        expect((await s1.lock()).status).toBe(200);
        expect((await s1.getFile()).status).toBe(200);

        // The second user joins the same Collabora document: their own token, the same lock.
        const s2 = joinSession(world, second, s1);
        expect(await fileInfoOf(s2)).toMatchObject({UserId: member2.id, UserCanWrite: true});
        expect((await storedBytes(s2)).equals(original)).toBe(true);

        // A second, separate lock on the document is refused: one editing session per document.
        const forked = collaboraFor(world, second);
        const refused = await forked.lock();
        expect(refused.status).toBe(409);
        expect(refused.headers['x-wopi-lock']).toBe(s1.lockId);

        const byFirst = edited(original, 'member');
        const put1 = await s1.putFile(byFirst, {isAutosave: true});
        expect(put1.status).toBe(200);
        s2.lastModifiedTime = s1.lastModifiedTime;
        const bySecond = edited(byFirst, 'member2');
        const put2 = await s2.putFile(bySecond);
        expect(put2.status).toBe(200);
        s1.lastModifiedTime = s2.lastModifiedTime;
        expect((await storedBytes(s1)).equals(bySecond)).toBe(true);
        expect((await s1.unlock()).status).toBe(200);

        const post = await getPost(member.client, doc.postId);
        const newFileId = (post.file_ids ?? [])[0];
        expect(post.file_ids).toHaveLength(1);
        const download = await downloadFile(member.client, newFileId);
        expect(download.status).toBe(200);
        expect(download.bytes.equals(bySecond)).toBe(true);
        const summaries = (await threadReplies(member.client, doc.postId)).filter((p) => p.props?.[EDIT_SUMMARY_PROP] !== undefined);
        expect(summaries).toHaveLength(1);
        expect(summaries[0].message).toContain(`@${member.username}`);
        expect(summaries[0].message).toContain(`@${member2.username}`);
    });

    it('gives a view-only user UserCanWrite false and refuses their writes, leaving the bytes as they were', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const policy = await putPolicy(member, doc.fileId, 'owner');
        expect(policy.status).toBe(200);
        expect(policy.body).toMatchObject({policy: 'owner', canEdit: true, canChangePolicy: true});
        expect(await getRights(member2, doc.fileId)).toEqual({status: 200, body: {
            canView: true, canEdit: false, reason: ACCESS_REASONS.POLICY_OWNER_ONLY, policy: 'owner', canChangePolicy: false,
        }});

        const owner = collaboraFor(world, await mustOpen(member, doc.fileId, 'edit'));
        await fileInfoOf(owner);
        expect((await owner.lock()).status).toBe(200);

        // Asked for edit, given view: the API downgrades instead of failing.
        const viewer = await mustOpen(member2, doc.fileId, 'edit');
        expect(viewer.mode).toBe('view');
        expect(new URL(viewer.actionUrl).searchParams.get('permission')).toBe('readonly');
        expect(wopiSrcOf(viewer.actionUrl)).toBe(expectedWopiSrc(doc.fileId));
        const v = joinSession(world, viewer, owner);
        expect(await fileInfoOf(v)).toMatchObject({UserId: member2.id, UserCanWrite: false, UserCanNotWriteRelative: true, UserCanRename: false});
        expect((await storedBytes(v)).equals(original)).toBe(true);

        expect((await v.putFile(edited(original, 'viewer'))).status).toBe(403);
        expect((await collaboraFor(world, viewer).lock()).status).toBe(403);
        expect((await v.putRelativeFile(Buffer.from('copy'), 'Copy.docx')).status).toBe(403);
        expect((await v.renameFile('Taken over')).status).toBe(403);

        expect(await fileInfoOf(owner)).toMatchObject({Version: '1', Size: original.length, BaseFileName: 'sample.docx'});
        expect((await storedBytes(owner)).equals(original)).toBe(true);
        expect((await owner.unlock()).status).toBe(200);
        expect((await getPost(member.client, doc.postId)).file_ids).toEqual([doc.fileId]);
        expect(await threadReplies(member.client, doc.postId)).toEqual([]);
    });

    it('answers a stale X-COOL-WOPI-Timestamp with 409 COOLStatusCode 1010 and keeps the stored document', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const s = collaboraFor(world, await mustOpen(member, doc.fileId, 'edit'));
        await fileInfoOf(s);
        const loadedAt = s.lastModifiedTime;
        expect((await s.lock()).status).toBe(200);
        const saved = edited(original, 'saved');
        expect((await s.putFile(saved)).status).toBe(200);
        expect(s.lastModifiedTime).not.toBe(loadedAt);

        // A save based on what was loaded before the last save: Collabora must ask the user.
        const stale = await s.putFile(edited(original, 'stale'), {timestamp: loadedAt});
        expect(stale.status).toBe(409);
        expect(stale.json()).toEqual({COOLStatusCode: 1010});
        expect(stale.headers['content-type']).toMatch(/^application\/json/);

        expect(await fileInfoOf(s)).toMatchObject({Version: '2', Size: saved.length});
        expect((await storedBytes(s)).equals(saved)).toBe(true);
        expect((await s.unlock()).status).toBe(200);
        const post = await getPost(member.client, doc.postId);
        const download = await downloadFile(member.client, (post.file_ids ?? [])[0]);
        expect(download.bytes.equals(saved)).toBe(true);
    });

    it('posts a Save As copy by the user in the document thread', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const s = collaboraFor(world, await mustOpen(member2, doc.fileId, 'edit'));
        await fileInfoOf(s);
        expect((await s.lock()).status).toBe(200);
        const pdf = Buffer.from(`%PDF-1.4\n% exported ${Date.now()}\n%%EOF\n`);
        const name = 'Report 100% final – copy.pdf';
        const res = await s.putRelativeFile(pdf, name);
        expect(res.status).toBe(200);
        const body = res.json() as {Name: string; Url: string};
        expect(body.Name).toBe(name);

        const replies = await threadReplies(member.client, doc.postId);
        expect(replies).toHaveLength(1);
        const copyPost = replies[0];
        expect(copyPost).toMatchObject({user_id: member2.id, root_id: doc.postId, channel_id: channel.id});
        expect(copyPost.file_ids).toHaveLength(1);
        const copyId = (copyPost.file_ids ?? [])[0];
        expect(await fileInfo(member.client, copyId)).toMatchObject({name, size: pdf.length, post_id: copyPost.id});
        expect((await downloadFile(member.client, copyId)).bytes.equals(pdf)).toBe(true);

        // The URL Collabora is given opens the copy as its own document.
        const url = new URL(body.Url);
        expect(`${url.origin}${url.pathname}`).toBe(expectedWopiSrc(copyId));
        const copy = new CollaboraSession({
            wopiSrc: expectedWopiSrc(copyId), accessToken: url.searchParams.get('access_token') ?? '',
            accessTokenTtl: Number(url.searchParams.get('access_token_ttl')), signer: world.standIn.signer,
        });
        expect(await fileInfoOf(copy)).toMatchObject({BaseFileName: name, Size: pdf.length, UserId: member2.id, OwnerId: member2.id});

        // The original is untouched.
        expect(await fileInfoOf(s)).toMatchObject({Version: '1', Size: original.length});
        expect((await s.unlock()).status).toBe(200);
        expect((await getPost(member.client, doc.postId)).file_ids).toEqual([doc.fileId]);
    });

    it('renames the document: same WOPISrc, new name on the post, same bytes', async () => {
        const doc = await postAttachment(member, channel.id, 'sample.docx', original);
        const s = collaboraFor(world, await mustOpen(member, doc.fileId, 'edit'));
        await fileInfoOf(s);
        expect((await s.lock()).status).toBe(200);
        const res = await s.renameFile('Quarterly report – Ünïcødé');
        expect(res.status).toBe(200);
        expect(res.json()).toEqual({Name: 'Quarterly report – Ünïcødé', Url: expectedWopiSrc(doc.fileId)});
        expect(await fileInfoOf(s)).toMatchObject({BaseFileName: 'Quarterly report – Ünïcødé.docx', Size: original.length});
        expect((await storedBytes(s)).equals(original)).toBe(true);
        expect((await s.unlock()).status).toBe(200);

        const post = await getPost(member.client, doc.postId);
        const renamedId = (post.file_ids ?? [])[0];
        expect(renamedId).not.toBe(doc.fileId);
        expect(await fileInfo(member.client, renamedId)).toMatchObject({name: 'Quarterly report – Ünïcødé.docx', size: original.length});
        expect((await downloadFile(member.client, renamedId)).bytes.equals(original)).toBe(true);
    });
});
