// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {EDIT_SUMMARY_PROP} from '../documents/session_ender';
import {WopiHarness} from '../testing/wopi_harness';

const LOCK = 'cool-lockfeed';

describe('Editing sessions: co-editing, save, unlock, attachment swap, edit summary', () => {
    let h: WopiHarness;

    beforeEach(async () => {
        h = await WopiHarness.start();
    });
    afterEach(() => h.stop());

    async function edit(docId: string, token: string, body: string): Promise<void> {
        const info = JSON.parse((await h.wopi('GET', docId, token)).body) as {LastModifiedTime: string};
        h.clock += 1000;
        const res = await h.wopi('POST', docId, token, {contents: true, body, headers: {'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': info.LastModifiedTime}});
        expect(res.statusCode).toBe(200);
    }

    it('swaps the post to the newest revision when the session ends, with one edit summary', async () => {
        const ana = h.addUser('ana');
        const ben = h.addUser('ben');
        const docId = await h.postDocument(ana, 'plan.odt', Buffer.from('v1'));
        const doc0 = await h.services.documents.require(docId);
        const anas = await h.token(ana, docId, 'edit');
        const bens = await h.token(ben, docId, 'edit');
        // Both users get the same document (one WOPISrc); Collabora locks once for the document.
        expect((await h.wopi('POST', docId, anas, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        await edit(docId, anas, 'v2 by ana');
        await edit(docId, bens, 'v3 by ben');
        await edit(docId, anas, 'v4 by ana');
        // While the session runs, the post still shows the original; GetFile serves the newest.
        expect((await h.api.getPost(doc0.postId)).file_ids).toEqual([docId]);
        expect((await h.wopi('GET', docId, bens, {contents: true})).body).toBe('v4 by ana');

        expect((await h.wopi('POST', docId, bens, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        const doc = await h.services.documents.require(docId);
        const post = await h.api.getPost(doc.postId);
        expect(post.file_ids).toEqual([doc.currentFileId]);
        expect(h.fileBytes(post.file_ids![0]).toString()).toBe('v4 by ana');
        expect(h.api.files.get(docId)!.info.delete_at).toBeGreaterThan(0);

        const summaries = [...h.api.posts.values()].filter((p) => p.props?.[EDIT_SUMMARY_PROP] === docId);
        expect(summaries).toHaveLength(1);
        expect(summaries[0].root_id).toBe(doc.postId);
        expect(summaries[0].message).toContain('@ana');
        expect(summaries[0].message).toContain('@ben');
        expect(h.api.events.map((e) => e.event)).toContain('document_updated');

        // The original upload, which the post no longer shows (Mattermost soft-deleted it), is
        // still a readable revision through a copy that remembers the old id.
        const first = doc.revisions[0];
        expect(first.originalFileId).toBe(docId);
        const firstBytes: Buffer[] = [];
        for await (const c of h.api.getFile(first.fileId)) {
            firstBytes.push(c as Buffer);
        }
        expect(Buffer.concat(firstBytes).toString()).toBe('v1');
        // The new revision keeps the document's identity: its file id resolves to the same doc.
        expect((await h.services.documents.resolve(doc.currentFileId)).docId).toBe(docId);
        // Ending again changes nothing and posts nothing more.
        await h.services.sessions.end(docId);
        expect([...h.api.posts.values()].filter((p) => p.props?.[EDIT_SUMMARY_PROP] === docId)).toHaveLength(1);
    });

    it('ends a session whose lock expired when the document is next opened', async () => {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'plan.docx', Buffer.from('v1'));
        const token = await h.token(ana, docId, 'edit');
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}});
        await edit(docId, token, 'v2');
        h.clock += 31 * 60 * 1000;
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(200);
        const doc = await h.services.documents.require(docId);
        expect((await h.api.getPost(doc.postId)).file_ids).toEqual([doc.currentFileId]);
    });

    it('posts no summary when the admin turned summaries off', async () => {
        h.state.applyConfiguration({CollaboraUrl: h.standIn.url, EditSummaries: false});
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'plan.docx', Buffer.from('v1'));
        const token = await h.token(ana, docId, 'edit');
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}});
        await edit(docId, token, 'v2');
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}});
        expect([...h.api.posts.values()].filter((p) => p.props?.[EDIT_SUMMARY_PROP])).toHaveLength(0);
    });
});
