// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {countApiCalls, type ApiCallCounts} from '../testing/count_api_calls';
import {WopiHarness} from '../testing/wopi_harness';

// Each Plugin API call the sidecar makes is one gRPC round trip to the shim in production: the
// rights facts of a WOPI request (record, post, user, channel, membership, permissions) must
// come in one, and be asked again on every request.
describe('WOPI rights facts over the bridge', () => {
    let h: WopiHarness;
    let counts: ApiCallCounts;
    beforeEach(async () => {
        h = await WopiHarness.start();
        counts = countApiCalls(h.api);
    });
    afterEach(() => h.stop());

    const asObject = (m: Map<string, number>): Record<string, number> => Object.fromEntries(m);

    it('costs CheckFileInfo one bridge round trip, every time', async () => {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        const token = await h.token(ana, docId, 'edit');
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(200); // warms the signing key
        for (let i = 0; i < 2; i++) {
            counts.clear();
            expect((await h.wopi('GET', docId, token)).statusCode).toBe(200);
            expect(asObject(counts.bridgeCalls)).toEqual({gatherAccessFacts: 1});
            // Behind it, Mattermost is asked everything again.
            expect(asObject(counts.pluginApiCalls)).toEqual({kvGet: 1, getUser: 1, getPost: 1, getChannel: 1, getChannelMember: 1, hasPermissionToChannel: 3});
        }
    });

    it('costs GetFile the facts and the file', async () => {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        const token = await h.token(ana, docId, 'view');
        await h.wopi('GET', docId, token);
        counts.clear();
        expect((await h.wopi('GET', docId, token, {contents: true})).statusCode).toBe(200);
        expect(asObject(counts.bridgeCalls)).toEqual({gatherAccessFacts: 1, getFile: 1});
    });

    it('decides on the channel the post is in now, not the one the record remembers', async () => {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        const token = await h.token(ana, docId, 'edit');
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(200);
        // The post moves to a channel Ana is not in (Mattermost's move-thread).
        const elsewhere = h.addChannel('P');
        const postId = (await h.services.documents.require(docId)).postId;
        h.api.posts.set(postId, {...h.api.posts.get(postId)!, channel_id: elsewhere.id});
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(401);
        expect((await h.services.documents.require(docId)).channelId).toBe(elsewhere.id);
        // Ana joins it: allowed again at once, and it stays one round trip.
        h.api.members.set(`${elsewhere.id}:${ana.id}`, {channel_id: elsewhere.id, user_id: ana.id, roles: 'channel_user'} as never);
        h.api.permissions.add(`${ana.id}:${elsewhere.id}:read_channel`);
        counts.clear();
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(200);
        expect(asObject(counts.bridgeCalls)).toEqual({gatherAccessFacts: 1});
    });

    it('refuses a removed member on the very next request', async () => {
        const ana = h.addUser('ana');
        const ben = h.addUser('ben');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        const token = await h.token(ben, docId, 'edit');
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(200);
        h.api.members.delete(`${h.channel.id}:${ben.id}`);
        h.api.permissions.delete(`${ben.id}:${h.channel.id}:read_channel`);
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(401);
    });

    it('answers 404 once the post is deleted, and removes the document', async () => {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        const token = await h.token(ana, docId, 'edit');
        const postId = (await h.services.documents.require(docId)).postId;
        h.api.posts.delete(postId);
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(404);
        expect(await h.services.documents.get(docId)).toBeNull();
    });
});
