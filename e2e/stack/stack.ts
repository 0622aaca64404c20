// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// What a running stack looks like to the tests: start.sh seeds the server and writes
// e2e/.stack/stack.json; tests import this module to read it and to get clients per persona.

import {readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';

import {MattermostClient} from './mm_client';

export type UserKey = 'admin' | 'channel_admin' | 'member' | 'member2' | 'outsider' | 'stranger';
export type ChannelKey = 'public' | 'private' | 'archived' | 'readonly';

export interface StackUser {
    id: string;
    username: string;
    email: string;
    password: string;
    // A session token from POST /api/v4/users/login, used as a Bearer token.
    token: string;
    // The MMCSRF cookie of that session, for cookie-authenticated non-GET requests.
    csrf: string;
}

export interface StackChannel {
    id: string;
    name: string;
    type: 'O' | 'P';
    // Which users are channel members (the seed decides; see seed.ts).
    members: UserKey[];
    // archived: deleted (archived) after its post was made; moderated: posting limited to
    // channel admins. Moderation needs a licensed server: `moderated` is false if it was refused.
    archived: boolean;
    moderated: boolean;
}

export interface StackFile {
    id: string;
    name: string;
    post_id: string;
    channel: ChannelKey;
    channel_id: string;
    // Who posted it.
    user: UserKey;
}

export interface StackPlugin {
    id: string;
    version: string;
    bundle: string;
}

export interface StackInfo {
    url: string;
    local_socket: string;
    run_dir: string;
    log_dir: string;
    // PluginSettings.Directory: each installed plugin is unpacked in <plugin_dir>/<plugin id>.
    plugin_dir: string;
    mattermost: {version: string; version_id: string; build_hash: string};
    team: {id: string; name: string};
    users: Record<UserKey, StackUser>;
    channels: Record<ChannelKey, StackChannel>;
    // Keyed "<channel>/<file name>", e.g. "public/sample.docx".
    files: Record<string, StackFile>;
    // null when the stack was started without a plugin bundle.
    plugin: StackPlugin | null;
}

export function stackJsonPath(): string {
    return process.env.STACK_JSON ?? resolve(__dirname, '..', '.stack', 'stack.json');
}

let cached: StackInfo | undefined;

// Reads stack.json once per test file. Fails with a pointer to the right command when no stack
// runs, so a missing stack is an error, never a silently skipped test.
export function readStack(): StackInfo {
    if (!cached) {
        const path = stackJsonPath();
        try {
            cached = JSON.parse(readFileSync(path, 'utf8')) as StackInfo;
        } catch (err) {
            throw new Error(`No stack description at ${path} (${(err as Error).message}). Run the tests through e2e/stack/with_stack.sh.`);
        }
    }
    return cached;
}

export function clientAs(user: UserKey): MattermostClient {
    const stack = readStack();
    return new MattermostClient(stack.url, stack.users[user].token);
}

// A client without any session: what a browser without cookies or an external caller sends.
export function anonymousClient(): MattermostClient {
    return new MattermostClient(readStack().url);
}

export function requirePlugin(): StackPlugin {
    const plugin = readStack().plugin;
    if (!plugin) {
        throw new Error('The stack runs without the plugin: build it with `make dist` and restart the stack.');
    }
    return plugin;
}

// Where Mattermost unpacked the plugin.
export function pluginDir(): string {
    const stack = readStack();
    return join(stack.plugin_dir, requirePlugin().id);
}
