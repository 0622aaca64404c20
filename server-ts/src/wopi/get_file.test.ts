// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {BridgeHeaders} from '../http/bridge_headers';
import {WopiHarness} from '../testing/wopi_harness';

const LOCK = 'cool-lockfeed';

describe('GetFile', () => {
    let h: WopiHarness;

    beforeEach(async () => {
        h = await WopiHarness.start();
    });
    afterEach(() => h.stop());

    async function savedDocument(): Promise<{docId: string; token: string}> {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'plan.odt', Buffer.from('v1'));
        const token = await h.token(ana, docId, 'edit');
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        h.clock += 1000;
        expect((await h.wopi('POST', docId, token, {contents: true, body: 'v2', headers: {'x-wopi-lock': LOCK}})).statusCode).toBe(200);
        return {docId, token};
    }

    it('streams the current revision with its length and version', async () => {
        const {docId, token} = await savedDocument();
        const res = await h.wopi('GET', docId, token, {contents: true});
        expect(res.statusCode).toBe(200);
        expect(res.body).toBe('v2');
        expect(res.headers['content-length']).toBe('2');
        expect(res.headers['x-wopi-itemversion']).toBe(String((await h.services.documents.require(docId)).version));
        expect(res.headers[BridgeHeaders.sendFile]).toBeUndefined();
    });

    it('names the current revision for the shim to send when the shim can, and sends no bytes itself', async () => {
        const {docId, token} = await savedDocument();
        const doc = await h.services.documents.require(docId);
        expect(doc.currentFileId).not.toBe(docId);
        const res = await h.wopi('GET', docId, token, {contents: true, headers: {[BridgeHeaders.canSendFile]: '1'}});
        expect(res.statusCode).toBe(200);
        expect(res.headers[BridgeHeaders.sendFile]).toBe(doc.currentFileId);
        expect(res.headers['x-wopi-itemversion']).toBe(String(doc.version));
        expect(res.body).toBe('');
    });

    it('names no file to a request that fails the gate', async () => {
        const {docId} = await savedDocument();
        const res = await h.wopi('GET', docId, 'not-a-token', {contents: true, headers: {[BridgeHeaders.canSendFile]: '1'}});
        expect(res.statusCode).toBe(401);
        expect(res.headers[BridgeHeaders.sendFile]).toBeUndefined();
    });
});
