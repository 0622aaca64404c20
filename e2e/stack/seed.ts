// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Seeds a fresh Mattermost server with the personas, team, channels and office attachments the
// integration tests need, installs the plugin bundle when one is given, and writes stack.json.
// Run by start.sh (through tsx) once the server answers its ping. Everything goes through the
// public REST API, as a client would.
//
// Environment (set by start.sh): MM_URL, STACK_JSON, STACK_RUN_DIR, MM_LOG_DIR, MM_PLUGIN_DIR,
// MM_LOCAL_SOCKET, FIXTURES_DIR, PLUGIN_ID; optional PLUGIN_BUNDLE, COLLABORA_URL.

import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';

import {MattermostClient, MattermostError} from './mm_client';
import {enablePlugin, PluginState, uploadPlugin, waitForPluginState} from './plugin_admin';
import {setPluginSettings} from './plugin_settings';
import type {ChannelKey, StackChannel, StackFile, StackInfo, StackPlugin, StackUser, UserKey} from './stack';

function env(name: string): string {
    const value = process.env[name];
    if (!value) {
        throw new Error(`seed.ts needs ${name} in the environment (start.sh sets it)`);
    }
    return value;
}

const PASSWORD = 'Collabora-test-1';

// channel_admin administers the channels; member and member2 are ordinary members; outsider is
// on the team but in no seeded channel; stranger is not even on the team.
const USER_KEYS: UserKey[] = ['admin', 'channel_admin', 'member', 'member2', 'outsider', 'stranger'];
const TEAM_MEMBERS: UserKey[] = ['channel_admin', 'member', 'member2', 'outsider'];

interface ChannelPlan {
    key: ChannelKey;
    type: 'O' | 'P';
    members: UserKey[];
    // Posts made in order: who posts which fixtures.
    posts: {user: UserKey; files: string[]}[];
}

const CHANNELS: ChannelPlan[] = [
    {key: 'public', type: 'O', members: ['admin', 'channel_admin', 'member', 'member2'], posts: [
        {user: 'member', files: ['sample.docx', 'sample.xlsx']},
        {user: 'member2', files: ['sample.odt', 'sample.pptx', 'notes.txt']},
    ]},
    {key: 'private', type: 'P', members: ['admin', 'channel_admin', 'member', 'member2'], posts: [
        {user: 'channel_admin', files: ['sample.docx', 'sample.odt']},
    ]},
    {key: 'archived', type: 'O', members: ['admin', 'channel_admin', 'member'], posts: [
        {user: 'member', files: ['sample.xlsx']},
    ]},
    {key: 'readonly', type: 'O', members: ['admin', 'channel_admin', 'member', 'member2'], posts: [
        {user: 'channel_admin', files: ['sample.pptx']},
    ]},
];

interface MmUser {id: string; username: string; email: string}

async function createUsers(anonymous: MattermostClient): Promise<Record<UserKey, StackUser>> {
    const users = {} as Record<UserKey, StackUser>;
    let admin: MattermostClient | undefined;
    for (const key of USER_KEYS) {
        const username = key.replace('_', '-');
        const email = `${username}@example.com`;
        // The first account created on a server without users becomes its system admin and
        // needs no session; the admin creates the others.
        const creator = admin ?? anonymous;
        const created = await creator.request<MmUser>('POST', '/api/v4/users', {body: {email, username, password: PASSWORD}});
        const session = await anonymous.login(username, PASSWORD);
        users[key] = {id: created.id, username, email, password: PASSWORD, token: session.token, csrf: session.csrf};
        if (key === 'admin') {
            admin = anonymous.withToken(session.token);
        }
    }
    return users;
}

async function uploadAndPost(client: MattermostClient, channelId: string, fixturesDir: string, files: string[]): Promise<{postId: string; fileIds: string[]}> {
    const form = new FormData();
    // channel_id must come before the files in the multipart body.
    form.append('channel_id', channelId);
    for (const name of files) {
        form.append('files', new Blob([await readFile(join(fixturesDir, name))]), name);
    }
    const uploaded = await client.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form});
    const fileIds = uploaded.file_infos.map((f) => f.id);
    const post = await client.request<{id: string}>('POST', '/api/v4/posts', {
        body: {channel_id: channelId, message: `Office attachments: ${files.join(', ')}`, file_ids: fileIds},
    });
    return {postId: post.id, fileIds};
}

// Channel moderation (who may post) is a licensed feature: a Team Edition server refuses it.
// The channel is still seeded; stack.json says whether it is really moderated.
async function moderate(admin: MattermostClient, channelId: string): Promise<boolean> {
    try {
        await admin.request('PUT', `/api/v4/channels/${channelId}/moderations/patch`, {
            body: [{name: 'create_post', roles: {members: false, guests: false}}],
        });
        return true;
    } catch (err) {
        if (err instanceof MattermostError && [403, 501].includes(err.status)) {
            console.error(`[seed] channel moderation refused (${err.status}); readonly channel stays writable`);
            return false;
        }
        throw err;
    }
}

async function seedChannels(admin: MattermostClient, users: Record<UserKey, StackUser>, teamId: string, fixturesDir: string): Promise<{channels: Record<ChannelKey, StackChannel>; files: Record<string, StackFile>}> {
    const channels = {} as Record<ChannelKey, StackChannel>;
    const files: Record<string, StackFile> = {};
    for (const plan of CHANNELS) {
        const name = `office-${plan.key}`;
        const channel = await admin.request<{id: string}>('POST', '/api/v4/channels', {
            body: {team_id: teamId, name, display_name: `Office ${plan.key}`, type: plan.type},
        });
        for (const key of plan.members.filter((k) => k !== 'admin')) {
            await admin.request('POST', `/api/v4/channels/${channel.id}/members`, {body: {user_id: users[key].id}});
        }
        if (plan.members.includes('channel_admin')) {
            await admin.request('PUT', `/api/v4/channels/${channel.id}/members/${users.channel_admin.id}/schemeRoles`, {
                body: {scheme_admin: true, scheme_user: true},
            });
        }
        for (const post of plan.posts) {
            const poster = admin.withToken(users[post.user].token);
            const {postId, fileIds} = await uploadAndPost(poster, channel.id, fixturesDir, post.files);
            post.files.forEach((fileName, i) => {
                files[`${plan.key}/${fileName}`] = {
                    id: fileIds[i], name: fileName, post_id: postId, channel: plan.key, channel_id: channel.id, user: post.user,
                };
            });
        }
        const moderated = plan.key === 'readonly' ? await moderate(admin, channel.id) : false;
        const archived = plan.key === 'archived';
        if (archived) {
            // DELETE archives (soft-deletes) a channel; its posts and files stay readable.
            await admin.request('DELETE', `/api/v4/channels/${channel.id}`);
        }
        channels[plan.key] = {id: channel.id, name, type: plan.type, members: plan.members, archived, moderated};
    }
    return {channels, files};
}

async function installPlugin(admin: MattermostClient, bundle: string): Promise<StackPlugin> {
    const manifest = await uploadPlugin(admin, bundle);
    const collaboraUrl = process.env.COLLABORA_URL;
    if (collaboraUrl) {
        await setPluginSettings(admin, manifest.id, {CollaboraUrl: collaboraUrl});
    }
    await enablePlugin(admin, manifest.id);
    await waitForPluginState(admin, manifest.id, PluginState.Running, 120_000);
    return {id: manifest.id, version: manifest.version, bundle};
}

async function serverVersion(client: MattermostClient): Promise<StackInfo['mattermost']> {
    const res = await client.fetch('GET', '/api/v4/config/client?format=old');
    const config = await res.json() as {Version: string; BuildHash: string};
    return {version: config.Version, version_id: res.headers.get('X-Version-Id') ?? '', build_hash: config.BuildHash};
}

async function main(): Promise<void> {
    const started = Date.now();
    const anonymous = new MattermostClient(env('MM_URL'));
    const users = await createUsers(anonymous);
    const admin = anonymous.withToken(users.admin.token);

    const team = await admin.request<{id: string; name: string}>('POST', '/api/v4/teams', {
        body: {name: 'collabora', display_name: 'Collabora Test', type: 'O'},
    });
    await admin.request('POST', `/api/v4/teams/${team.id}/members/batch`, {
        body: TEAM_MEMBERS.map((key) => ({team_id: team.id, user_id: users[key].id})),
    });
    const {channels, files} = await seedChannels(admin, users, team.id, env('FIXTURES_DIR'));

    const bundle = process.env.PLUGIN_BUNDLE;
    const plugin = bundle ? await installPlugin(admin, bundle) : null;

    const stack: StackInfo = {
        url: env('MM_URL'),
        local_socket: env('MM_LOCAL_SOCKET'),
        run_dir: env('STACK_RUN_DIR'),
        log_dir: env('MM_LOG_DIR'),
        plugin_dir: env('MM_PLUGIN_DIR'),
        mattermost: await serverVersion(anonymous),
        team: {id: team.id, name: team.name},
        users,
        channels,
        files,
        plugin,
    };
    const out = env('STACK_JSON');
    await mkdir(dirname(out), {recursive: true});
    await writeFile(out, JSON.stringify(stack, null, 2) + '\n', {mode: 0o600});
    console.error(`[seed] seeded in ${((Date.now() - started) / 1000).toFixed(1)}s; plugin: ${plugin ? `${plugin.id} ${plugin.version} running` : 'not installed'}`);
}

main().catch((err: unknown) => {
    console.error(`[seed] failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
});
