// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 11 through the real stack: /collabora executed through Mattermost's own command API as
// different users (what every client, the mobile apps included, does), and the one-time links
// it answers redeemed with a plain HTTP client that has no cookie and no session.

import {clientAs, readStack, requirePlugin} from '../stack/stack';

import {createChannel, createTeamUser, fixture, getPost, postAttachment, threadReplies, type PostedFile, type TestChannel, type TestUser} from './helpers/mm_world';
import {putPolicy, startWopiWorld, type WopiWorld} from './helpers/wopi_world';

interface CommandResponse {
    response_type: string;
    text: string;
}

interface Suggestion {
    Complete: string;
    Suggestion: string;
    Description: string;
}

const linksIn = (markdown: string): Array<{label: string; url: string}> =>
    [...markdown.matchAll(/\[([^\]]+)\]\((\S+?)\)/g)].map((m) => ({label: m[1], url: m[2]}));

// A browser that is not signed in: a phone's browser opening the link from the mobile app.
async function browse(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}): Promise<{status: number; body: string; headers: Headers}> {
    const res = await fetch(url, {
        method,
        redirect: 'manual',
        headers: method === 'POST' ? {'Content-Type': 'application/x-www-form-urlencoded', ...headers} : headers,
        body: method === 'POST' ? '' : undefined,
    });
    return {status: res.status, body: await res.text(), headers: res.headers};
}

function expectPageHeaders(headers: Headers): void {
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('referrer-policy')).toBe('no-referrer');
}

const tokenField = (html: string): string | null => /name="access_token" value="([^"]+)"/.exec(html)?.[1] ?? null;

describe('/collabora through Mattermost', () => {
    const stack = readStack();
    let world: WopiWorld;
    let owner: TestUser;
    let viewer: TestUser;
    let channel: TestChannel;
    let shared: PostedFile;
    let ownerOnly: PostedFile;

    const execute = (user: TestUser, command: string, rootId = '') => user.client.request<CommandResponse>('POST', '/api/v4/commands/execute', {
        body: {channel_id: channel.id, team_id: stack.team.id, command, root_id: rootId},
    });
    const linkPrefix = () => `${stack.url}/plugins/${requirePlugin().id}/link/`;

    beforeAll(async () => {
        world = await startWopiWorld();
        owner = await createTeamUser('links-owner');
        viewer = await createTeamUser('links-viewer');
        channel = await createChannel(clientAs('admin'), 'P', [owner, viewer]);
        shared = await postAttachment(owner, channel.id, 'Shared.docx', fixture('sample.docx'));
        ownerOnly = await postAttachment(owner, channel.id, 'Owner only.xlsx', fixture('sample.xlsx'));
        // Only its owner edits this one: the viewer may only view it.
        expect((await putPolicy(owner, ownerOnly.fileId, 'owner')).status).toBe(200);
    });
    afterAll(async () => {
        await world?.close();
    });

    it('offers its subcommands in autocomplete, check only to system admins', async () => {
        const suggest = async (user: TestUser | 'admin') => {
            const client = user === 'admin' ? clientAs('admin') : user.client;
            const query = `user_input=${encodeURIComponent('/collabora ')}&channel_id=${channel.id}`;
            const list = await client.request<Suggestion[]>('GET', `/api/v4/teams/${stack.team.id}/commands/autocomplete_suggestions?${query}`);
            return list.map((s) => s.Suggestion);
        };
        expect(await suggest(owner)).toEqual(['new', 'open', 'unlock', 'help']);
        expect(await suggest('admin')).toEqual(['new', 'open', 'unlock', 'help', 'check']);
    });

    it('answers help', async () => {
        const res = await execute(viewer, '/collabora help');
        expect(res.response_type).toBe('ephemeral');
        expect(res.text).toContain('/collabora new document <name>');
    });

    it('lists the channel\'s documents with Edit and View links for the owner, View only where the viewer may only view', async () => {
        const mine = await execute(owner, '/collabora open');
        expect(mine.response_type).toBe('ephemeral');
        expect(mine.text).toContain('**Owner only.xlsx**');
        expect(mine.text).toContain('**Shared.docx**');
        const ownerLinks = linksIn(mine.text);
        expect(ownerLinks.map((l) => l.label)).toEqual(['Edit', 'View', 'Edit', 'View']);
        expect(ownerLinks.every((l) => l.url.startsWith(linkPrefix()))).toBe(true);

        const theirs = await execute(viewer, '/collabora open');
        const line = (name: string) => theirs.text.split('\n').find((l) => l.includes(name)) ?? '';
        expect(linksIn(line('Owner only.xlsx')).map((l) => l.label)).toEqual(['View']);
        expect(linksIn(line('Shared.docx')).map((l) => l.label)).toEqual(['Edit', 'View']);
    });

    it('redeems a link once, in a browser without any session, and refuses it afterwards', async () => {
        const {text} = await execute(viewer, '/collabora open');
        const edit = linksIn(text).find((l) => l.label === 'Edit')!;
        const opener = await browse('GET', edit.url);
        expect(opener.status).toBe(200);
        expectPageHeaders(opener.headers);
        expect(tokenField(opener.body)).toBeNull();

        const page = await browse('POST', edit.url);
        expect(page.status).toBe(200);
        expectPageHeaders(page.headers);
        const token = tokenField(page.body);
        expect(token).not.toBeNull();
        const action = /<form id="co-form" method="post" action="([^"]+)"/.exec(page.body)![1].replace(/&#38;/g, '&');
        expect(new URL(action).origin).toBe(world.standIn.url);
        expect(action).not.toContain(token!);
        expect(page.body).toContain('Shared.docx');

        const again = await browse('POST', edit.url);
        expect(again.status).toBe(410);
        expectPageHeaders(again.headers);
        expect(tokenField(again.body)).toBeNull();
        expect((await browse('GET', edit.url)).status).toBe(410);
    });

    it('lets exactly one of several concurrent redemptions win (compare-and-delete in the KV store)', async () => {
        const {text} = await execute(owner, '/collabora open');
        const view = linksIn(text).find((l) => l.label === 'View')!;
        const answers = await Promise.all(Array.from({length: 6}, () => browse('POST', view.url)));
        expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410, 410, 410, 410]);
    });

    it('answers a forged code with 404', async () => {
        const {text} = await execute(owner, '/collabora open');
        const code = linksIn(text)[0].url.slice(linkPrefix().length);
        const forged = linkPrefix() + code.slice(0, 24) + 'A'.repeat(16);
        for (const method of ['GET', 'POST'] as const) {
            const res = await browse(method, forged);
            expect(res.status).toBe(404);
            expectPageHeaders(res.headers);
            expect(res.body).toContain('This link does not exist');
        }
    });

    it('gives the editor a link for "Open in a new tab", refused after the user left the channel', async () => {
        const leaver = await createTeamUser('links-leaver');
        await clientAs('admin').request('POST', `/api/v4/channels/${channel.id}/members`, {body: {user_id: leaver.id}});
        const path = `/plugins/${requirePlugin().id}/api/v1/files/${shared.fileId}/link`;
        expect((await fetch(`${stack.url}${path}`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{}'})).status).toBe(401);
        const {url} = await leaver.client.request<{url: string}>('POST', path, {body: {}});
        expect(url.startsWith(linkPrefix())).toBe(true);
        await clientAs('admin').request('DELETE', `/api/v4/channels/${channel.id}/members/${leaver.id}`);
        const res = await browse('POST', url);
        expect(res.status).toBe(403);
        expect(res.body).toContain('You cannot open this document');
        expect(tokenField(res.body)).toBeNull();
    });

    it('creates a document as the user, in the channel or in the thread', async () => {
        const res = await execute(viewer, '/collabora new spreadsheet Team budget');
        expect(res.text).toContain('Created **Team budget.xlsx** in this channel.');
        const posts = await viewer.client.request<{order: string[]; posts: Record<string, {user_id: string; file_ids?: string[]; root_id: string}>}>('GET', `/api/v4/channels/${channel.id}/posts?per_page=1`);
        const newest = posts.posts[posts.order[0]];
        expect(newest.user_id).toBe(viewer.id);
        expect(newest.file_ids).toHaveLength(1);

        const root = await getPost(owner.client, shared.postId);
        const inThread = await execute(viewer, '/collabora new document Minutes', root.id);
        expect(inThread.text).toContain('Created **Minutes.docx** in this thread.');
        const replies = await threadReplies(viewer.client, root.id);
        expect(replies.some((p) => p.user_id === viewer.id && (p.file_ids ?? []).length === 1)).toBe(true);
    });

    it('refuses a bad name without posting', async () => {
        const res = await execute(viewer, '/collabora new document a/b');
        expect(res.text).toContain('The document was not created: The name must be');
        const missing = await execute(viewer, '/collabora new');
        expect(missing.text).toContain('Tell me what to create');
    });

    it('runs the connection check for a system admin only', async () => {
        const admin = clientAs('admin');
        const res = await admin.request<CommandResponse>('POST', '/api/v4/commands/execute', {body: {channel_id: channel.id, team_id: stack.team.id, command: '/collabora check'}});
        expect(res.text).toContain('#### Collabora Online connection check');
        expect(res.text).toContain(':white_check_mark: **Collabora Online answers**');
        const refused = await execute(owner, '/collabora check');
        expect(refused.text).toContain('Only system admins can run the connection check.');
        expect(refused.text).not.toContain(world.standIn.url);
    });
});
