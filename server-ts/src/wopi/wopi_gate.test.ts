// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {WopiHarness} from '../testing/wopi_harness';
import {issueToken} from '../tokens';

describe('WOPI gate: tokens, proof keys, addresses, rights', () => {
    let h: WopiHarness;
    let docId: string;
    let otherDocId: string;
    let owner: ReturnType<WopiHarness['addUser']>;

    beforeEach(async () => {
        h = await WopiHarness.start();
        owner = h.addUser('ana');
        docId = await h.postDocument(owner, 'report.docx', Buffer.from('original'));
        otherDocId = await h.postDocument(owner, 'other.docx', Buffer.from('other'));
    });
    afterEach(() => h.stop());

    it('accepts a signed request with a valid token', async () => {
        const res = await h.wopi('GET', docId, await h.token(owner, docId, 'edit'));
        expect(res.statusCode).toBe(200);
    });

    it.each([
        ['no token', ''],
        ['a truncated token', 'v1.abc'],
        ['garbage', 'not-a-token-at-all'],
    ])('refuses %s with 401', async (_name, token) => {
        const res = await h.wopi('GET', docId, token, {sign: token ? {} : false});
        expect(res.statusCode).toBe(401);
    });

    it('refuses an expired token with 401', async () => {
        const token = await h.token(owner, docId, 'edit', 60);
        h.clock += 61_000;
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(401);
    });

    it('refuses a token for another document with 401', async () => {
        expect((await h.wopi('GET', docId, await h.token(owner, otherDocId, 'edit'))).statusCode).toBe(401);
    });

    it('refuses a token signed with another key with 401', async () => {
        const forged = issueToken(Buffer.alloc(32, 7), {userId: owner.id, docId, mode: 'edit'}, 3600, h.clock).token;
        expect((await h.wopi('GET', docId, forged)).statusCode).toBe(401);
    });

    it('refuses a tampered token with 401', async () => {
        const token = await h.token(owner, docId, 'view');
        const [v, payload, mac] = token.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
        claims.m = 'edit';
        const tampered = [v, Buffer.from(JSON.stringify(claims)).toString('base64url'), mac].join('.');
        expect((await h.wopi('GET', docId, tampered)).statusCode).toBe(401);
    });

    it('refuses a bad proof with 500', async () => {
        const res = await h.wopi('GET', docId, await h.token(owner, docId, 'edit'), {sign: {proofKey: 'wrong', proofOldKey: 'wrong'}});
        expect(res.statusCode).toBe(500);
    });

    it('refuses a missing proof with 500 when proofs are enforced', async () => {
        expect((await h.wopi('GET', docId, await h.token(owner, docId, 'edit'), {sign: false})).statusCode).toBe(500);
    });

    it('refuses a proof whose timestamp is older than 20 minutes with 500', async () => {
        const res = await h.wopi('GET', docId, await h.token(owner, docId, 'edit'), {sign: {timestampOffsetMs: -21 * 60_000}});
        expect(res.statusCode).toBe(500);
    });

    it('accepts a proof signed over the URL Collabora called, and refuses it for another URL', async () => {
        const token = await h.token(owner, docId, 'edit');
        const wrongUrl = `http://evil.test/plugins/x/wopi/files/${docId}?access_token=${token}`;
        expect((await h.wopi('GET', docId, token, {sign: {url: wrongUrl}})).statusCode).toBe(500);
    });

    it('accepts requests without proofs when enforcement is off', async () => {
        h.state.applyConfiguration({CollaboraUrl: h.standIn.url, EnforceProofKeys: false});
        expect((await h.wopi('GET', docId, await h.token(owner, docId, 'edit'), {sign: false})).statusCode).toBe(200);
    });

    it('refuses addresses outside the allow-list with 403', async () => {
        h.state.applyConfiguration({CollaboraUrl: h.standIn.url, CollaboraAllowList: '10.0.0.0/8, 192.168.1.5'});
        const token = await h.token(owner, docId, 'edit');
        expect((await h.wopi('GET', docId, token, {clientIp: '127.0.0.1'})).statusCode).toBe(403);
        expect((await h.wopi('GET', docId, token, {clientIp: '10.1.2.3'})).statusCode).toBe(200);
        expect((await h.wopi('GET', docId, token, {clientIp: '192.168.1.5'})).statusCode).toBe(200);
    });

    it('answers 404 for an unknown document with a valid token for its id', async () => {
        const unknown = 'a'.repeat(26);
        expect((await h.wopi('GET', unknown, await h.token(owner, unknown, 'edit'))).statusCode).toBe(404);
    });

    it('refuses a user who left the channel, even with a token issued before', async () => {
        const ben = h.addUser('ben');
        const token = await h.token(ben, docId, 'edit');
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(200);
        h.api.members.delete(`${h.channel.id}:${ben.id}`);
        h.api.permissions.delete(`${ben.id}:${h.channel.id}:read_channel`);
        expect((await h.wopi('GET', docId, token)).statusCode).toBe(401);
    });

    it('never writes the token into a log line', async () => {
        const token = await h.token(owner, docId, 'edit');
        await h.wopi('GET', docId, token, {sign: {proofKey: 'wrong', proofOldKey: 'wrong'}});
        await h.wopi('GET', docId, token.slice(0, 20));
        expect(h.logs.length).toBeGreaterThan(0);
        expect(h.logs.join('\n')).not.toContain(token.split('.')[1]);
    });
});
