// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The WOPI gate through the real stack: what is not a valid, current token for this very
// document, or not signed by the configured Collabora within 20 minutes, is refused, and a
// refused write changes nothing. Expired and tampered tokens are made with the plugin's real key
// (read from the stack's database), so each refusal has exactly one cause.

import type {CollaboraSession, ProofOptions} from '../collabora';
import {clientAs} from '../stack/stack';

import {createChannel, fixture, getPost, postAttachment, seededUser, type PostedFile, type TestUser} from './helpers/mm_world';
import {forgeToken} from './helpers/token_forge';
import {
    collaboraFor, expectedWopiSrc, fileInfoOf, joinSession, mustOpen, startWopiWorld, storedBytes,
    type EditorSession, type WopiWorld,
} from './helpers/wopi_world';

describe('WOPI gate refusals through Mattermost', () => {
    let world: WopiWorld;
    const member: TestUser = seededUser('member');
    const original = fixture('sample.odt');
    let docA: PostedFile;
    let docB: PostedFile;
    let openedA: EditorSession;
    let openedB: EditorSession;
    let holder: CollaboraSession;

    // A Collabora session on document A that holds its lock, as if an editor had it open.
    beforeAll(async () => {
        world = await startWopiWorld();
        const channel = await createChannel(clientAs('admin'), 'O', [member]);
        docA = await postAttachment(member, channel.id, 'sample.odt', original);
        docB = await postAttachment(member, channel.id, 'sample.odt', original);
        openedA = await mustOpen(member, docA.fileId, 'edit');
        openedB = await mustOpen(member, docB.fileId, 'edit');
        holder = collaboraFor(world, openedA);
        await fileInfoOf(holder);
        expect((await holder.lock()).status).toBe(200);
    });
    afterAll(async () => {
        await holder?.unlock();
        await world?.close();
    });

    // A session on A's WOPISrc with another token (or proof), sharing the holder's lock, so a
    // refused PutFile can only be refused by the gate.
    function intruder(accessToken: string, accessTokenTtl: number, proof?: ProofOptions): CollaboraSession {
        return joinSession(world, {...openedA, accessToken, accessTokenTtl}, holder, {proof});
    }

    async function expectRefused(session: CollaboraSession, status: number): Promise<void> {
        expect((await session.checkFileInfo()).status).toBe(status);
        expect((await session.getFile()).status).toBe(status);
        expect((await session.putFile(Buffer.from('overwritten'), {timestamp: null})).status).toBe(status);
        expect((await session.lock()).status).toBe(status);
        // Nothing changed.
        expect(await fileInfoOf(holder)).toMatchObject({Version: '1', Size: original.length});
        expect((await storedBytes(holder)).equals(original)).toBe(true);
    }

    it('accepts a token made with the plugin key, so the refusals below have one cause each', async () => {
        const fresh = forgeToken(member.id, docA.fileId, 'edit');
        expect((await fileInfoOf(intruder(fresh.token, fresh.ttl))).UserCanWrite).toBe(true);
    });

    it('refuses an expired token with 401', async () => {
        const twoHoursAgo = Date.now() - 2 * 3600_000;
        const expired = forgeToken(member.id, docA.fileId, 'edit', {issuedAtMs: twoHoursAgo, ttlSeconds: 3600});
        expect(expired.ttl).toBeLessThan(Date.now());
        await expectRefused(intruder(expired.token, expired.ttl), 401);
    });

    it('refuses a token issued for another document with 401', async () => {
        expect(openedB.docId).toBe(docB.fileId);
        await expectRefused(intruder(openedB.accessToken, openedB.accessTokenTtl), 401);
    });

    it('refuses a tampered token with 401', async () => {
        const [version, payload, mac] = openedA.accessToken.split('.');
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
        const otherUser = Buffer.from(JSON.stringify({...claims, u: seededUser('admin').id})).toString('base64url');
        await expectRefused(intruder(`${version}.${otherUser}.${mac}`, openedA.accessTokenTtl), 401);
        const flipped = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'AQ' : 'AA'}`;
        await expectRefused(intruder(`${version}.${payload}.${flipped}`, openedA.accessTokenTtl), 401);
    });

    it('refuses a proof signed with the wrong key with 500', async () => {
        await expectRefused(intruder(openedA.accessToken, openedA.accessTokenTtl, {proofKey: 'wrong'}), 500);
    });

    it('refuses a proof older than 20 minutes with 500', async () => {
        await expectRefused(intruder(openedA.accessToken, openedA.accessTokenTtl, {timestampOffsetMs: -21 * 60_000}), 500);
    });

    it('refuses a request without proof with 500', async () => {
        await expectRefused(intruder(openedA.accessToken, openedA.accessTokenTtl, {proofKey: 'none'}), 500);
    });

    it('still lets the lock holder save, and the post then shows that save only', async () => {
        const saved = Buffer.concat([original, Buffer.from('saved by the holder')]);
        expect((await holder.putFile(saved)).status).toBe(200);
        expect((await holder.unlock()).status).toBe(200);
        const post = await getPost(member.client, docA.postId);
        expect(post.file_ids).toHaveLength(1);
        const again = collaboraFor(world, await mustOpen(member, docA.fileId, 'view'));
        expect(await fileInfoOf(again)).toMatchObject({Version: '2', Size: saved.length, UserCanWrite: false});
        expect(expectedWopiSrc(docA.fileId)).toBe(again.url().split('?')[0]);
    });
});
