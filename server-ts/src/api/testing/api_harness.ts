// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import path from 'node:path';

import type {Channel, ChannelMembership} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';
import type {FastifyInstance, LightMyRequestResponse} from 'fastify';

import {startCollaboraStandIn, type CollaboraStandIn, type StandInOptions} from '../../../../e2e/collabora';
import {buildApp} from '../../app';
import {createLogger} from '../../logger';
import {Hooks} from '../../runtime/hooks';
import {PluginState} from '../../runtime/plugin_state';
import {buildServices, type Services} from '../../services';
import {MemoryPluginApi, newId} from '../../testing/memory_plugin_api';

// The sidecar app over an in-memory Mattermost, for the webapp API's tests. Collabora is the
// e2e stand-in on loopback (real discovery XML, real capabilities) unless a test points the
// settings elsewhere. Requests carry the header Mattermost sets for a valid session.

export const SITE_URL = 'https://mm.example.com';
// The repository root holds assets/templates/, as the plugin bundle does.
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

export interface StartOptions {
    settings?: Record<string, unknown>;
    // false: no stand-in; the settings decide where Collabora is.
    standIn?: boolean | StandInOptions;
    siteUrl?: string;
}

export class ApiHarness {
    api = new MemoryPluginApi();
    logs: string[] = [];
    clock = Date.now();
    state!: PluginState;
    services!: Services;
    app!: FastifyInstance;
    standIn: CollaboraStandIn | null = null;

    static async start(options: StartOptions = {}): Promise<ApiHarness> {
        const h = new ApiHarness();
        if (options.standIn !== false) {
            h.standIn = await startCollaboraStandIn(typeof options.standIn === 'object' ? options.standIn : {});
        }
        h.api.now = () => h.clock;
        h.api.config = {ServiceSettings: {SiteURL: options.siteUrl ?? SITE_URL}, FileSettings: {MaxFileSize: 10 * 1024 * 1024, EnableFileAttachments: true}};
        h.api.getBundlePath = async () => REPO_ROOT;
        h.state = new PluginState(h.api, createLogger((line) => h.logs.push(line)), 'test');
        h.state.applyConfiguration({...(h.standIn ? {CollaboraUrl: h.standIn.url} : {}), ...options.settings});
        await h.state.refreshServerConfig();
        h.services = buildServices(h.state, () => h.clock);
        h.app = buildApp({state: h.state, hooks: new Hooks(h.state), services: h.services});
        await h.app.ready();
        return h;
    }

    async stop(): Promise<void> {
        await this.app.close();
        await this.standIn?.close();
    }

    addChannel(type: 'O' | 'P' | 'D' | 'G', extra: Partial<Channel> = {}): Channel {
        const channel = {id: newId(), type, name: `c-${type}`, display_name: 'Channel', team_id: 'team', delete_at: 0, ...extra} as Channel;
        this.api.channels.set(channel.id, channel);
        return channel;
    }

    addUser(name: string, roles = 'system_user'): UserProfile {
        const user = {
            id: newId(), username: name, first_name: name[0].toUpperCase() + name.slice(1), last_name: 'Tester', nickname: '', roles, delete_at: 0, is_bot: false,
        } as UserProfile;
        this.api.users.set(user.id, user);
        if (roles.includes('system_admin')) {
            // Mattermost grants system admins every permission in every channel.
            for (const p of ['manage_system', 'read_channel', 'create_post', 'upload_file']) {
                this.api.permissions.add(`${user.id}::${p}`);
            }
        }
        return user;
    }

    grant(user: UserProfile, channel: Channel, ...permissions: string[]): void {
        for (const p of permissions) {
            this.api.permissions.add(`${user.id}:${channel.id}:${p}`);
        }
    }

    // join makes the user a member with Mattermost's default member permissions, unless the
    // channel is moderated (canPost: false).
    join(user: UserProfile, channel: Channel, opts: {admin?: boolean; guest?: boolean; canPost?: boolean} = {}): void {
        const roles = opts.guest ? 'channel_guest' : opts.admin ? 'channel_user channel_admin' : 'channel_user';
        this.api.members.set(`${channel.id}:${user.id}`, {channel_id: channel.id, user_id: user.id, roles, scheme_admin: Boolean(opts.admin)} as ChannelMembership);
        this.grant(user, channel, 'read_channel');
        if (opts.canPost !== false) {
            this.grant(user, channel, 'create_post', 'upload_file');
        }
    }

    // postFile posts a file as the user and returns its Mattermost file id.
    async postFile(owner: UserProfile, channel: Channel, name: string, bytes: Buffer = Buffer.from(`bytes of ${name}`)): Promise<string> {
        const info = this.api.addFile({name, channel_id: channel.id, user_id: owner.id}, bytes);
        await this.api.createPost({user_id: owner.id, channel_id: channel.id, file_ids: [info.id]});
        return info.id;
    }

    request(user: UserProfile | null, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
        const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
        return this.app.inject({
            method,
            url,
            headers: {
                ...(user ? {'mattermost-user-id': user.id} : {}),
                ...(payload !== undefined ? {'content-type': 'application/json'} : {}),
                ...headers,
            },
            payload,
        });
    }

    eventsNamed(event: string): Array<{payload: Record<string, unknown>; broadcast: unknown}> {
        return this.api.events.filter((e) => e.event === event).map(({payload, broadcast}) => ({payload, broadcast}));
    }
}
