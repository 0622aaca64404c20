// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 19, @mentions in documents, through the real server: who Collabora's autocomplete may be
// offered (the document channel's current members, by Mattermost's own user search), the
// notification (a reply in the document's thread that mentions the person, which Mattermost
// counts as a mention), once per editing session, and nobody outside, or gone from, the channel.

import {randomBytes} from 'node:crypto';

import {readStack} from '../stack/stack';

import {createChannel, createTeamUser, fixture, postAttachment, threadReplies, type PostedFile, type TestChannel, type TestUser} from './helpers/mm_world';
import {startWopiWorld, type WopiWorld} from './helpers/wopi_world';
import {waitFor} from '../stack/mm_client';

type Person = {userId: string; username: string; displayName: string; avatarUrl: string};

describe('@mentions in a document', () => {
    let world: WopiWorld;
    // Every username starts with this word: Mattermost's search matches username prefixes.
    const word = `mn${randomBytes(4).toString('hex')}`;
    let author: TestUser;
    let bob: TestUser;
    let carol: TestUser;
    let outsider: TestUser;
    let channel: TestChannel;
    let doc: PostedFile;

    const api = (path: string) => `/plugins/${world.pluginId}/api/v1/files/${doc.fileId}${path}`;
    const search = async (user: TestUser, term: string) => user.client.request<{users: Person[]}>('GET', api(`/mentionable?term=${encodeURIComponent(term)}`));
    const mention = async (user: TestUser, username: string) => {
        const res = await user.client.fetch('POST', api('/mentions'), {body: {username}});
        return {status: res.status, body: await res.json() as Record<string, unknown>};
    };
    const notices = async () => (await threadReplies(author.client, doc.postId)).filter((p) => p.props?.collabora_mention === doc.fileId);
    const mentionCount = async (user: TestUser) =>
        (await user.client.request<{mention_count: number}>('GET', `/api/v4/channels/${channel.id}/members/${user.id}`)).mention_count;

    beforeAll(async () => {
        world = await startWopiWorld();
        author = await createTeamUser(`${word}a`);
        bob = await createTeamUser(`${word}b`);
        carol = await createTeamUser(`${word}c`);
        outsider = await createTeamUser(`${word}o`);
        channel = await createChannel(author.client, 'P', [bob, carol]);
        doc = await postAttachment(author, channel.id, 'Mentions.docx', fixture('sample.docx'));
    });
    afterAll(async () => world?.close());

    it('offers the channel\'s members who match, with avatars, and nobody outside it', async () => {
        const {users} = await search(author, word);
        expect(users.map((u) => u.username).sort()).toEqual([author.username, bob.username, carol.username].sort());
        const found = users.find((u) => u.username === bob.username);
        expect(found?.userId).toBe(bob.id);
        expect(found?.avatarUrl).toContain(`/api/v4/users/${bob.id}/image`);
        expect((await search(author, `${word}o`)).users).toEqual([]);

        // The outsider may not even ask: the document is in a private channel they are not in.
        const refused = await outsider.client.fetch('GET', api(`/mentionable?term=${word}`));
        expect(refused.status).toBe(404);
    });

    it('notifies the person picked once per editing session, as a mention in the document\'s thread', async () => {
        const before = await mentionCount(bob);
        const first = await mention(author, bob.username);
        expect(first).toMatchObject({status: 200, body: {notified: true, result: 'notified'}});
        const [notice] = await notices();
        expect(notice.user_id).toBe(author.id);
        expect(notice.root_id).toBe(doc.postId);
        expect(notice.message).toContain(`@${bob.username} in \`Mentions.docx\``);
        expect(notice.message).toContain(`/plugins/${world.pluginId}/open/${doc.fileId})`);
        await waitFor('Mattermost to count the mention for bob', async () => ((await mentionCount(bob)) > before ? true : undefined), 10_000);

        const again = await mention(author, bob.username);
        expect(again).toMatchObject({status: 200, body: {notified: false, result: 'already_notified'}});
        expect(await notices()).toHaveLength(1);
    });

    it('opens the editor from the notification\'s link for the mentioned person only', async () => {
        const stack = readStack();
        const open = (user: TestUser) => fetch(new URL(`/plugins/${world.pluginId}/open/${doc.fileId}`, stack.url), {headers: {Authorization: `Bearer ${user.client.token}`}, redirect: 'manual'});
        const allowed = await open(bob);
        expect(allowed.status).toBe(302);
        expect(allowed.headers.get('location')).toMatch(new RegExp(`/plugins/${world.pluginId.replace(/\./g, '\\.')}/link/[A-Za-z0-9_-]{40}$`));
        const refused = await open(outsider);
        expect(refused.status).toBe(404);
        expect(await refused.text()).toContain('You cannot open this document');
    });

    it('refuses to notify someone outside the channel, with a clear error, and posts nothing', async () => {
        const res = await mention(author, outsider.username);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({code: 'NOT_MENTIONABLE', error: `@${outsider.username} cannot be notified about this document: only members of its channel who may view it can be mentioned.`});
        expect(await notices()).toHaveLength(1);
    });

    it('drops someone who left the channel: not offered, not notified', async () => {
        await carol.client.request('DELETE', `/api/v4/channels/${channel.id}/members/${carol.id}`);
        const {users} = await search(author, word);
        expect(users.map((u) => u.username)).not.toContain(carol.username);
        const res = await mention(author, carol.username);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('NOT_MENTIONABLE');
        expect(await notices()).toHaveLength(1);
    });
});
