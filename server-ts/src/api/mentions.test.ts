// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {mentionClaimKey} from '../mentions/mention_notice';

import {ApiHarness, SITE_URL} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

describe('@mentions in documents', () => {
    let h: ApiHarness;
    let w: World;
    let doc: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        doc = await h.postFile(w.owner, w.privateChannel, '@channel **Plan**.docx');
    });
    afterEach(async () => h.stop());

    const search = (user: World['member'], term: string) => h.request(user, 'GET', `/api/v1/files/${doc}/mentionable?term=${encodeURIComponent(term)}`);
    const mention = (user: World['member'], username: unknown) => h.request(user, 'POST', `/api/v1/files/${doc}/mentions`, {username});
    const replies = () => [...h.api.posts.values()].filter((p) => p.props?.collabora_mention === doc);

    it('suggests channel members who may view the document, by username or name, with avatars', async () => {
        const res = await search(w.owner, 'mem');
        expect(res.statusCode).toBe(200);
        expect(res.json().users).toEqual([{userId: w.member.id, username: 'member', displayName: 'Member Tester', avatarUrl: `${SITE_URL}/api/v4/users/${w.member.id}/image?_=0`}]);
        expect((await search(w.owner, 'tester')).json().users.map((u: {username: string}) => u.username).sort()).toEqual(['chadmin', 'guest', 'member', 'owner']);
        // The outsider matches by name but is not in the channel; the sysadmin may read everything but is no member.
        expect((await search(w.owner, 'out')).json().users).toEqual([]);
        expect((await search(w.owner, 'sys')).json().users).toEqual([]);
        expect((await search(w.owner, '')).json().users).toEqual([]);
    });

    it('answers people outside the channel as for an unknown file', async () => {
        expect((await search(w.outsider, 'mem')).statusCode).toBe(404);
        expect((await mention(w.outsider, 'member')).statusCode).toBe(404);
    });

    it('posts one reply in the thread that mentions the person, with the document name as code', async () => {
        const first = await mention(w.owner, 'member');
        expect(first.statusCode).toBe(200);
        expect(first.json()).toMatchObject({notified: true, result: 'notified'});
        const [reply] = replies();
        expect(reply.user_id).toBe(w.owner.id);
        expect(reply.root_id).toBe(h.api.files.get(doc)?.info.post_id);
        expect(reply.message).toBe(`@owner mentioned @member in \`@channel **Plan**.docx\` in Collabora Online. [Open the document](${SITE_URL}/plugins/com.collaboraonline.mattermost/open/${doc})`);

        const again = await mention(w.owner, '@member');
        expect(again.json()).toMatchObject({notified: false, result: 'already_notified'});
        expect(replies()).toHaveLength(1);
        expect(await h.api.kvGet(mentionClaimKey((await h.services.documents.require(doc)), w.owner.id, w.member.id))).not.toBeNull();

        // Someone else mentioning the same person is another notification.
        await mention(w.channelAdmin, 'member');
        expect(replies()).toHaveLength(2);
    });

    it('refuses people who may not view it, unknown names alike, and notifies nobody', async () => {
        for (const name of ['outsider', 'sysadmin', 'nobody']) {
            const res = await mention(w.owner, name);
            expect(res.statusCode).toBe(403);
            expect(res.json()).toEqual({code: 'NOT_MENTIONABLE', error: `@${name} cannot be notified about this document: only members of its channel who may view it can be mentioned.`});
        }
        expect((await mention(w.owner, 'not a name')).statusCode).toBe(400);
        expect((await mention(w.owner, 42)).statusCode).toBe(400);
        expect(replies()).toEqual([]);
    });

    it('drops someone who left the channel from suggestions and notifications', async () => {
        h.api.members.delete(`${w.privateChannel.id}:${w.member.id}`);
        expect((await search(w.owner, 'mem')).json().users).toEqual([]);
        expect((await mention(w.owner, 'member')).statusCode).toBe(403);
        expect(replies()).toEqual([]);
    });

    it('does not notify people of their own mention', async () => {
        expect((await mention(w.owner, 'owner')).json()).toMatchObject({notified: false, result: 'self'});
        expect(replies()).toEqual([]);
    });
});

describe('the document\'s thread', () => {
    it('names the root post of the thread the document is in, only to those who may view it', async () => {
        const h = await ApiHarness.start({standIn: false});
        try {
            const w = buildWorld(h);
            const doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
            const postId = h.api.files.get(doc)?.info.post_id;
            const res = await h.request(w.member, 'GET', `/api/v1/files/${doc}/thread`);
            expect(res.json()).toEqual({rootId: postId, postId, channelId: w.privateChannel.id});
            expect((await h.request(w.outsider, 'GET', `/api/v1/files/${doc}/thread`)).statusCode).toBe(404);
        } finally {
            await h.stop();
        }
    });
});

describe('a mention without a Site URL', () => {
    it('notifies without a link rather than with a broken one', async () => {
        const h = await ApiHarness.start({standIn: false, siteUrl: ''});
        try {
            const w = buildWorld(h);
            const doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
            expect((await h.request(w.owner, 'POST', `/api/v1/files/${doc}/mentions`, {username: 'member'})).statusCode).toBe(200);
            const [reply] = [...h.api.posts.values()].filter((p) => p.props?.collabora_mention === doc);
            expect(reply.message).toBe('@owner mentioned @member in `Plan.docx` in Collabora Online.');
        } finally {
            await h.stop();
        }
    });
});

describe('the lasting link to a document (/open)', () => {
    let h: ApiHarness;
    let w: World;
    let doc: string;
    beforeEach(async () => {
        h = await ApiHarness.start({standIn: false});
        w = buildWorld(h);
        doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
    });
    afterEach(async () => h.stop());

    it('sends someone who may view it on through a one-time link', async () => {
        const res = await h.request(w.member, 'GET', `/open/${doc}`);
        expect(res.statusCode).toBe(302);
        expect(res.headers.location).toMatch(new RegExp(`^${SITE_URL}/plugins/com\\.collaboraonline\\.mattermost/link/[A-Za-z0-9_-]{40}$`));
        expect(res.headers['cache-control']).toBe('no-store');
    });

    it('asks to sign in first, and tells someone without access nothing about the document', async () => {
        const anonymous = await h.request(null, 'GET', `/open/${doc}`);
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.body).toContain('Sign in to Mattermost first');
        expect(anonymous.body).not.toContain('Plan.docx');
        const outsider = await h.request(w.outsider, 'GET', `/open/${doc}`);
        const unknown = await h.request(w.outsider, 'GET', '/open/nosuchfileid00000000000000');
        expect([outsider.statusCode, unknown.statusCode]).toEqual([404, 404]);
        // The same page but for its per-response script nonce.
        const page = (body: string) => body.replace(/nonce="[A-Za-z0-9+/=]+"/g, 'nonce');
        expect(page(outsider.body)).toBe(page(unknown.body));
    });
});
