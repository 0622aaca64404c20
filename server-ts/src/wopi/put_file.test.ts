// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {WopiHarness} from '../testing/wopi_harness';

const LOCK = 'cool-lock0123abcd';

describe('PutFile', () => {
    let h: WopiHarness;
    let docId: string;
    let owner: ReturnType<WopiHarness['addUser']>;
    let token: string;

    beforeEach(async () => {
        h = await WopiHarness.start();
        owner = h.addUser('ana');
        docId = await h.postDocument(owner, 'report.docx', Buffer.from('original bytes'));
        token = await h.token(owner, docId, 'edit');
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
    });
    afterEach(() => h.stop());

    const stored = async () => h.fileBytes((await h.services.documents.require(docId)).currentFileId).toString();
    const lastModified = async () => (JSON.parse((await h.wopi('GET', docId, token)).body) as {LastModifiedTime: string}).LastModifiedTime;

    it('stores a new revision and answers with the LastModifiedTime CheckFileInfo then reports', async () => {
        h.clock += 5000;
        const res = await h.wopi('POST', docId, token, {contents: true, body: 'new bytes', headers: {'x-wopi-override': 'PUT', 'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': await lastModified()}});
        expect(res.statusCode).toBe(200);
        const body = JSON.parse(res.body) as {LastModifiedTime: string};
        expect(body.LastModifiedTime).toBe(await lastModified());
        expect(res.headers['x-wopi-itemversion']).toBe('2');
        expect(await stored()).toBe('new bytes');
        const get = await h.wopi('GET', docId, token, {contents: true});
        expect(get.body).toBe('new bytes');
        expect(get.headers['x-wopi-itemversion']).toBe('2');
    });

    it('answers 409 with COOLStatusCode 1010 for a stale X-COOL-WOPI-Timestamp and changes nothing', async () => {
        const res = await h.wopi('POST', docId, token, {contents: true, body: 'lost?', headers: {'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': '2001-01-01T00:00:00.000Z'}});
        expect(res.statusCode).toBe(409);
        expect(JSON.parse(res.body)).toEqual({COOLStatusCode: 1010});
        expect(await stored()).toBe('original bytes');
    });

    it('answers 409 with the current lock for a wrong lock and changes nothing', async () => {
        const res = await h.wopi('POST', docId, token, {contents: true, body: 'x', headers: {'x-wopi-lock': 'cool-lockother'}});
        expect(res.statusCode).toBe(409);
        expect(res.headers['x-wopi-lock']).toBe(LOCK);
        expect(await stored()).toBe('original bytes');
    });

    it('answers 409 for a non-empty unlocked document', async () => {
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}});
        const res = await h.wopi('POST', docId, token, {contents: true, body: 'x'});
        expect(res.statusCode).toBe(409);
        expect(res.headers['x-wopi-lock']).toBe('');
    });

    it('answers 413 for a body over Mattermost\'s MaxFileSize and changes nothing', async () => {
        const res = await h.wopi('POST', docId, token, {contents: true, body: Buffer.alloc(10 * 1024 * 1024 + 1), headers: {'x-wopi-lock': LOCK}});
        expect(res.statusCode).toBe(413);
        expect(await stored()).toBe('original bytes');
    });

    it('refuses a view-only token with 403 and changes nothing', async () => {
        const viewer = await h.token(owner, docId, 'view');
        const res = await h.wopi('POST', docId, viewer, {contents: true, body: 'x', headers: {'x-wopi-lock': LOCK}});
        expect(res.statusCode).toBe(403);
        expect(await stored()).toBe('original bytes');
    });

    it('refuses a member whose rights were lost mid-session, with a token issued before', async () => {
        const ben = h.addUser('ben');
        const bens = await h.token(ben, docId, 'edit');
        h.api.permissions.delete(`${ben.id}:${h.channel.id}:create_post`);
        const res = await h.wopi('POST', docId, bens, {contents: true, body: 'x', headers: {'x-wopi-lock': LOCK}});
        expect(res.statusCode).toBe(403);
        expect(await stored()).toBe('original bytes');
    });

    it('keeps every save in order as revisions', async () => {
        for (let i = 1; i <= 5; i++) {
            h.clock += 1000;
            const res = await h.wopi('POST', docId, token, {contents: true, body: `save ${i}`, headers: {'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': await lastModified()}});
            expect(res.statusCode).toBe(200);
        }
        const doc = await h.services.documents.require(docId);
        expect(doc.revisions.map((r) => h.fileBytes(r.fileId).toString())).toEqual(['original bytes', 'save 1', 'save 2', 'save 3', 'save 4', 'save 5']);
        expect(doc.version).toBe(6);
    });
});
