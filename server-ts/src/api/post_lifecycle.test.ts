// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {docKey, fileKey} from '../documents/document_record';
import {Hooks} from '../runtime/hooks';
import {registerDocumentRemoval} from '../services';

import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

// Rights follow the post: where it is now, and whether it still exists.
describe('documents follow their post', () => {
    let h: ApiHarness;
    let w: World;
    let docId: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        docId = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
    });
    afterEach(async () => h.stop());

    const rights = (user: Parameters<ApiHarness['request']>[0], fileId: string) => h.request(user, 'GET', `/api/v1/files/${fileId}/rights`);
    const postOf = (fileId: string) => [...h.api.posts.values()].find((p) => (p.file_ids ?? []).includes(fileId))!;

    it('decides rights from the channel the post is in now, not where the document was first seen', async () => {
        expect((await rights(w.member, docId)).statusCode).toBe(200);
        const elsewhere = h.addChannel('P');
        h.join(w.outsider, elsewhere);
        expect((await rights(w.outsider, docId)).statusCode).toBe(404);

        postOf(docId).channel_id = elsewhere.id;

        expect((await rights(w.member, docId)).statusCode).toBe(404);
        expect((await rights(w.outsider, docId)).json()).toMatchObject({canView: true, canEdit: true});
        expect((await h.services.documents.get(docId))?.channelId).toBe(elsewhere.id);
    });

    it('removes the document of a post found deleted, and answers as for an unknown file', async () => {
        expect((await rights(w.member, docId)).statusCode).toBe(200);
        h.api.posts.delete(postOf(docId).id);

        const res = await rights(w.member, docId);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe((await rights(w.member, 'a'.repeat(26))).json().code);
        expect(await h.api.kvGet(docKey(docId))).toBeNull();
    });

    it('removes the documents of a deleted post when Mattermost tells, and leaves other documents', async () => {
        const other = await h.postFile(w.owner, w.privateChannel, 'Other.docx');
        expect((await rights(w.member, other)).statusCode).toBe(200);
        expect((await rights(w.member, docId)).statusCode).toBe(200);
        const hooks = new Hooks(h.state);
        registerDocumentRemoval(h.services, hooks);
        const post = postOf(docId);
        h.api.posts.delete(post.id);

        await hooks.postDeleted(post.id, post.file_ids ?? []);

        expect(await h.api.kvGet(docKey(docId))).toBeNull();
        expect(await h.api.kvGet(docKey(other))).not.toBeNull();
    });

    it('leaves the document when the hook\'s claim does not match Mattermost: the post still shows it', async () => {
        expect((await rights(w.member, docId)).statusCode).toBe(200);
        const hooks = new Hooks(h.state);
        registerDocumentRemoval(h.services, hooks);

        await hooks.postDeleted(postOf(docId).id, [docId]);
        await hooks.postUpdated(postOf(docId).id, [docId], []);

        expect((await rights(w.member, docId)).statusCode).toBe(200);
    });

    it('finishes a removal interrupted after the record was marked', async () => {
        expect((await rights(w.member, docId)).statusCode).toBe(200);
        const stored = JSON.parse((await h.api.kvGet(docKey(docId)))!.toString('utf8')) as Record<string, unknown>;
        await h.api.kvSetWithOptions(docKey(docId), Buffer.from(JSON.stringify({...stored, removedAt: 1})));
        await h.api.kvSetWithOptions(fileKey(docId), Buffer.from(docId));

        // Marked: unknown to every route at once.
        expect((await rights(w.member, docId)).statusCode).toBe(404);
        await h.services.remover.remove(docId, 'test');
        expect(await h.api.kvGet(docKey(docId))).toBeNull();
        expect(await h.api.kvGet(fileKey(docId))).toBeNull();
    });
});
