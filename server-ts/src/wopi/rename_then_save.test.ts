// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {encodeUtf7} from '../../../e2e/collabora';
import {WopiHarness} from '../testing/wopi_harness';

// Issue 15.4: Collabora does not update its timestamp after a rename, so the save it sends next
// carries the LastModifiedTime of before the rename. A rename changes only the name.
describe('RenameFile inside an editing session', () => {
    let h: WopiHarness;
    let docId: string;
    let token: string;
    const LOCK = 'cool-lock42';
    const stamp = async (): Promise<string> => (JSON.parse((await h.wopi('GET', docId, token)).body) as {LastModifiedTime: string}).LastModifiedTime;
    const save = (body: string, timestamp: string) => h.wopi('POST', docId, token, {contents: true, body, headers: {'x-wopi-override': 'PUT', 'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': timestamp}});
    const rename = (name: string) => h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'RENAME_FILE', 'x-wopi-lock': LOCK, 'x-wopi-requestedname': encodeUtf7(name)}});
    const postFile = async () => {
        const doc = await h.services.documents.require(docId);
        const post = await h.api.getPost(doc.postId);
        const fileId = post.file_ids![0];
        return {name: h.api.files.get(fileId)!.info.name, bytes: h.fileBytes(fileId).toString()};
    };

    beforeEach(async () => {
        h = await WopiHarness.start();
        const ana = h.addUser('ana');
        docId = await h.postDocument(ana, 'Draft.docx', Buffer.from('v1'));
        token = await h.token(ana, docId, 'edit');
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
    });
    afterEach(() => h.stop());

    it('accepts the next save with the timestamp Collabora held before the rename', async () => {
        h.clock += 1000;
        const first = await save('v2', await stamp());
        const held = (JSON.parse(first.body) as {LastModifiedTime: string}).LastModifiedTime;
        const versionBefore = (await h.services.documents.require(docId)).version;
        expect((await rename('Final')).statusCode).toBe(200);
        const renamed = await h.services.documents.require(docId);
        expect([renamed.name, renamed.version, renamed.lastModified]).toEqual(['Final.docx', versionBefore, held]);
        h.clock += 1000;
        expect((await save('v3', held)).statusCode).toBe(200);
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        expect(await postFile()).toEqual({name: 'Final.docx', bytes: 'v3'});
    });

    it('gives the post the new name when no save followed the rename', async () => {
        h.clock += 1000;
        await save('v2', await stamp());
        expect((await rename('Final')).statusCode).toBe(200);
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        expect(await postFile()).toEqual({name: 'Final.docx', bytes: 'v2'});
    });

    it('keeps a save that lands while a rename runs', async () => {
        h.clock += 1000;
        const [saved, renamed] = await Promise.all([save('v2', await stamp()), rename('Final')]);
        expect([saved.statusCode, renamed.statusCode]).toEqual([200, 200]);
        const doc = await h.services.documents.require(docId);
        expect([doc.name, h.fileBytes(doc.currentFileId).toString()]).toEqual(['Final.docx', 'v2']);
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        expect(await postFile()).toEqual({name: 'Final.docx', bytes: 'v2'});
    });
});
