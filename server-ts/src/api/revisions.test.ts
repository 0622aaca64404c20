// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

describe('revisions', () => {
    let h: ApiHarness;
    let w: World;
    let doc: string;
    let rev2: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        doc = await h.postFile(w.owner, w.privateChannel, 'Plan.odt', Buffer.from('version one'));
        await h.services.documents.resolve(doc);
        h.clock += 60_000;
        const saved = h.api.addFile({name: 'Plan.odt', channel_id: w.privateChannel.id, user_id: 'nouser'}, Buffer.from('version two, longer'));
        rev2 = saved.id;
        await h.services.documents.addRevision(doc, rev2, saved.size, w.member.id, h.clock);
        // The editing session ended: the post shows revision 2.
        await h.services.sessions.end(doc);
    });
    afterEach(async () => h.stop());

    const list = (user: Parameters<ApiHarness['request']>[0], fileId = doc) => h.request(user, 'GET', `/api/v1/files/${fileId}/revisions`);
    const restore = (user: Parameters<ApiHarness['request']>[0], revisionFileId: string, fileId = doc) =>
        h.request(user, 'POST', `/api/v1/files/${fileId}/revisions/${revisionFileId}/restore`, {});

    describe('GET', () => {
        it('lists the revisions newest first, with who made them', async () => {
            const res = await list(w.guest);
            expect(res.statusCode).toBe(200);
            expect(res.json()).toEqual({revisions: [
                {fileId: rev2, size: 19, createdAt: h.clock, userId: w.member.id, userDisplayName: 'Member Tester', current: true},
                // The post no longer shows the original upload (Mattermost soft-deleted it), so
                // its bytes are listed under the copy that keeps them readable.
                {fileId: expect.any(String), originalFileId: doc, size: 11, createdAt: expect.any(Number), userId: w.owner.id, userDisplayName: 'Owner Tester', current: false},
            ]});
        });

        it('answers by any revision id of the document', async () => {
            expect((await list(w.member, rev2)).json().revisions).toHaveLength(2);
        });

        it('answers 404 to an outsider and for unknown files', async () => {
            expect((await list(w.outsider)).statusCode).toBe(404);
            expect((await list(w.member, 'u'.repeat(26))).statusCode).toBe(404);
            expect((await list(null)).statusCode).toBe(401);
        });
    });

    describe('POST restore', () => {
        it('copies the old bytes as a new revision and shows it in the post', async () => {
            const res = await restore(w.member, doc);
            expect(res.statusCode).toBe(200);
            const {fileId} = res.json();
            expect(fileId).not.toBe(doc);
            expect(h.api.files.get(fileId)?.data.toString()).toBe('version one');
            const record = await h.services.documents.require(doc);
            expect(record).toMatchObject({currentFileId: fileId, attachedFileId: fileId, version: 3});
            const post = await h.api.getPost(record.postId);
            expect(post.file_ids).toEqual([fileId]);
            expect(h.eventsNamed('document_updated').at(-1)?.payload).toMatchObject({doc_id: doc, file_id: fileId});
            const revisions = (await list(w.member)).json().revisions;
            expect(revisions.map((r: {fileId: string; originalFileId?: string}) => r.originalFileId ?? r.fileId)).toEqual([fileId, rev2, doc]);
        });

        it('is refused with 409 while an editing session holds the lock', async () => {
            await h.services.locks.lock(doc, 'collabora-lock', '');
            const res = await restore(w.member, doc);
            expect(res.statusCode).toBe(409);
            expect(res.json().code).toBe('DOCUMENT_LOCKED');
            expect((await h.services.documents.require(doc)).version).toBe(2);
        });

        it('needs edit rights', async () => {
            for (const user of [w.guest]) {
                const res = await restore(user, doc);
                expect(res.statusCode).toBe(403);
                expect(res.json().code).toBe('GUEST_VIEW_ONLY');
            }
            await h.request(w.owner, 'PUT', `/api/v1/files/${doc}/policy`, {policy: 'owner'});
            expect((await restore(w.member, doc)).json().code).toBe('POLICY_OWNER_ONLY');
            expect((await restore(w.owner, doc)).statusCode).toBe(200);
        });

        it('answers 404 to an outsider and for a revision of another document', async () => {
            expect((await restore(w.outsider, doc)).statusCode).toBe(404);
            const other = await h.postFile(w.owner, w.privateChannel, 'Other.odt');
            const res = await restore(w.member, other);
            expect(res.statusCode).toBe(404);
            expect(res.json().code).toBe('REVISION_NOT_FOUND');
        });

        it('does nothing when the revision is already the current one', async () => {
            const res = await restore(w.member, rev2);
            expect(res.json()).toEqual({fileId: rev2});
            expect((await h.services.documents.require(doc)).version).toBe(2);
        });
    });
});
