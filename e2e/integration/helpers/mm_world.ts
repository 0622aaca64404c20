// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Mattermost-side helpers for the WOPI and rights tests: fresh users, channels and attachments
// made through the REST API (so each test owns its documents and never edits the seeded ones),
// and the reads that show what a user sees afterwards (post, thread, file bytes).

import {createHash, randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {MattermostClient} from '../../stack/mm_client';
import {clientAs, readStack} from '../../stack/stack';

export const FIXTURES_DIR = join(__dirname, '..', '..', 'fixtures');

export function fixture(name: string): Buffer {
    return readFileSync(join(FIXTURES_DIR, name));
}

export function sha256(bytes: Buffer): string {
    return createHash('sha256').update(bytes).digest('hex');
}

// A short unique suffix for names: tests run against one server that outlives them.
export function unique(prefix: string): string {
    return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface TestUser {
    id: string;
    username: string;
    client: MattermostClient;
}

const PASSWORD = 'Collabora-test-1';

// A new user on the seeded team, logged in with a real session.
export async function createTeamUser(prefix: string, opts: {onTeam?: boolean} = {}): Promise<TestUser> {
    const stack = readStack();
    const admin = clientAs('admin');
    const username = unique(prefix);
    const created = await admin.request<{id: string}>('POST', '/api/v4/users', {
        body: {email: `${username}@example.com`, username, password: PASSWORD},
    });
    if (opts.onTeam !== false) {
        await admin.request('POST', `/api/v4/teams/${stack.team.id}/members`, {body: {team_id: stack.team.id, user_id: created.id}});
    }
    const session = await new MattermostClient(stack.url).login(username, PASSWORD);
    return {id: created.id, username, client: new MattermostClient(stack.url, session.token)};
}

// A seeded persona as a TestUser.
export function seededUser(key: Parameters<typeof clientAs>[0]): TestUser {
    const user = readStack().users[key];
    return {id: user.id, username: user.username, client: clientAs(key)};
}

export interface TestChannel {
    id: string;
    name: string;
}

// A channel created by `creator` (who becomes its channel admin, as in Mattermost), with members.
export async function createChannel(creator: MattermostClient, type: 'O' | 'P', members: TestUser[], admins: TestUser[] = []): Promise<TestChannel> {
    const stack = readStack();
    const name = unique(type === 'O' ? 'wopi-open' : 'wopi-private');
    const channel = await creator.request<{id: string}>('POST', '/api/v4/channels', {
        body: {team_id: stack.team.id, name, display_name: name, type},
    });
    const admin = clientAs('admin');
    for (const user of [...members, ...admins]) {
        await admin.request('POST', `/api/v4/channels/${channel.id}/members`, {body: {user_id: user.id}});
    }
    for (const user of admins) {
        await admin.request('PUT', `/api/v4/channels/${channel.id}/members/${user.id}/schemeRoles`, {
            body: {scheme_admin: true, scheme_user: true},
        });
    }
    return {id: channel.id, name};
}

export interface PostedFile {
    fileId: string;
    postId: string;
    channelId: string;
    name: string;
    bytes: Buffer;
}

// POST /api/v4/files then POST /api/v4/posts, as the webapp does when a user attaches a file.
export async function postAttachment(user: TestUser, channelId: string, name: string, bytes: Buffer): Promise<PostedFile> {
    const form = new FormData();
    form.append('channel_id', channelId);
    // Our buffers are never backed by a SharedArrayBuffer.
    form.append('files', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
    const uploaded = await user.client.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form});
    const fileId = uploaded.file_infos[0].id;
    const post = await user.client.request<{id: string}>('POST', '/api/v4/posts', {
        body: {channel_id: channelId, message: `Document ${name}`, file_ids: [fileId]},
    });
    return {fileId, postId: post.id, channelId, name, bytes};
}

export interface MmPost {
    id: string;
    user_id: string;
    root_id: string;
    channel_id: string;
    message: string;
    create_at: number;
    file_ids?: string[];
    props?: Record<string, unknown>;
}

export async function getPost(client: MattermostClient, postId: string): Promise<MmPost> {
    return client.request<MmPost>('GET', `/api/v4/posts/${postId}`);
}

// The replies of a thread, oldest first, without the root.
export async function threadReplies(client: MattermostClient, rootId: string): Promise<MmPost[]> {
    const thread = await client.request<{posts: Record<string, MmPost>}>('GET', `/api/v4/posts/${rootId}/thread`);
    return Object.values(thread.posts).filter((p) => p.id !== rootId).sort((a, b) => a.create_at - b.create_at);
}

export interface MmFileInfo {
    id: string;
    name: string;
    size: number;
    post_id: string;
    channel_id: string;
}

export async function fileInfo(client: MattermostClient, fileId: string): Promise<MmFileInfo> {
    return client.request<MmFileInfo>('GET', `/api/v4/files/${fileId}/info`);
}

// GET /api/v4/files/{id}: Mattermost's own download, with its own permission check.
export async function downloadFile(client: MattermostClient, fileId: string): Promise<{status: number; bytes: Buffer}> {
    const res = await client.fetch('GET', `/api/v4/files/${fileId}`);
    return {status: res.status, bytes: Buffer.from(await res.arrayBuffer())};
}
