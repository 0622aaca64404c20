// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {encodeUtf7} from '../../../e2e/collabora';
import {WopiHarness} from '../testing/wopi_harness';

describe('PutRelativeFile and RenameFile', () => {
    let h: WopiHarness;
    let ana: ReturnType<WopiHarness['addUser']>;
    let docId: string;
    beforeEach(async () => {
        h = await WopiHarness.start();
        ana = h.addUser('ana');
        docId = await h.postDocument(ana, 'Quarterly report.docx', Buffer.from('report'));
    });
    afterEach(() => h.stop());

    it('Save As posts the new file as the user in the document\'s thread and returns a working URL', async () => {
        const token = await h.token(ana, docId, 'edit');
        const res = await h.wopi('POST', docId, token, {body: 'pdf bytes', headers: {'x-wopi-override': 'PUT_RELATIVE', 'x-wopi-suggestedtarget': encodeUtf7('Rapport trimestriel é.pdf'), 'x-wopi-size': '9'}});
        expect(res.statusCode).toBe(200);
        const body = JSON.parse(res.body) as {Name: string; Url: string};
        expect(body.Name).toBe('Rapport trimestriel é.pdf');
        const url = new URL(body.Url);
        const newDocId = url.pathname.split('/').pop()!;
        expect(url.pathname).toBe(`/plugins/com.collaboraonline.mattermost/wopi/files/${newDocId}`);
        const newToken = url.searchParams.get('access_token')!;
        expect(Number(url.searchParams.get('access_token_ttl'))).toBeGreaterThan(h.clock);
        const created = (await h.wopi('GET', newDocId, newToken, {contents: true})).body;
        expect(created).toBe('pdf bytes');
        const original = await h.services.documents.require(docId);
        const post = [...h.api.posts.values()].find((p) => p.file_ids?.includes(newDocId))!;
        expect([post.user_id, post.channel_id, post.root_id]).toEqual([ana.id, original.channelId, original.postId]);
    });

    it('Save As with only an extension keeps the original name', async () => {
        const res = await h.wopi('POST', docId, await h.token(ana, docId, 'edit'), {body: 'x', headers: {'x-wopi-override': 'PUT_RELATIVE', 'x-wopi-suggestedtarget': '.odt'}});
        expect((JSON.parse(res.body) as {Name: string}).Name).toBe('Quarterly report.odt');
    });

    it('refuses Save As and Rename with a view-only token', async () => {
        const viewer = await h.token(ana, docId, 'view');
        expect((await h.wopi('POST', docId, viewer, {body: 'x', headers: {'x-wopi-override': 'PUT_RELATIVE', 'x-wopi-suggestedtarget': 'copy.docx'}})).statusCode).toBe(403);
        expect((await h.wopi('POST', docId, viewer, {headers: {'x-wopi-override': 'RENAME_FILE', 'x-wopi-requestedname': 'x'}})).statusCode).toBe(403);
        expect([...h.api.posts.values()]).toHaveLength(1);
    });

    it('Rename keeps the document id and the extension, and the post shows the new name', async () => {
        const token = await h.token(ana, docId, 'edit');
        const res = await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'RENAME_FILE', 'x-wopi-requestedname': encodeUtf7('Rapport final')}});
        expect(res.statusCode).toBe(200);
        const body = JSON.parse(res.body) as {Name: string; Url: string};
        expect(body.Name).toBe('Rapport final');
        expect(body.Url).toBe(`http://mm.test/plugins/com.collaboraonline.mattermost/wopi/files/${docId}`);
        const doc = await h.services.documents.require(docId);
        expect(doc.name).toBe('Rapport final.docx');
        const post = await h.api.getPost(doc.postId);
        expect(h.api.files.get(post.file_ids![0])!.info.name).toBe('Rapport final.docx');
        expect(h.fileBytes(post.file_ids![0]).toString()).toBe('report');
        const info = JSON.parse((await h.wopi('GET', docId, token)).body) as {BaseFileName: string};
        expect(info.BaseFileName).toBe('Rapport final.docx');
    });

    it.each([['a/b'], ['..'], ['x'.repeat(300)]])('refuses the invalid name %s with 400', async (name) => {
        const res = await h.wopi('POST', docId, await h.token(ana, docId, 'edit'), {headers: {'x-wopi-override': 'RENAME_FILE', 'x-wopi-requestedname': encodeUtf7(name)}});
        expect(res.statusCode).toBe(400);
        expect(res.headers['x-wopi-invalidfilenameerror']).toBeDefined();
        expect((await h.services.documents.require(docId)).name).toBe('Quarterly report.docx');
    });

    it('refuses Rename with a wrong lock while locked', async () => {
        const token = await h.token(ana, docId, 'edit');
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': 'A'}});
        const res = await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'RENAME_FILE', 'x-wopi-lock': 'B', 'x-wopi-requestedname': 'New'}});
        expect([res.statusCode, res.headers['x-wopi-lock']]).toEqual([409, 'A']);
    });
});
