// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel, ChannelMembership} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';
import type {FastifyInstance} from 'fastify';

import {startCollaboraStandIn, type CollaboraStandIn} from '../../../e2e/collabora';
import {buildApp} from '../app';
import {BridgeHeaders} from '../http/bridge_headers';
import {createLogger} from '../logger';
import {Hooks} from '../runtime/hooks';
import {PluginState} from '../runtime/plugin_state';
import {buildServices, type Services} from '../services';
import {issueToken, type TokenMode} from '../tokens';
import {PLUGIN_ID} from '../wopi/wopi_src';

import {MemoryPluginApi, newId} from './memory_plugin_api';

// A whole sidecar app over an in-memory Mattermost, with the Collabora stand-in serving
// discovery on loopback and signing requests as Collabora does. Requests go through
// app.inject() with the bridge's headers, exactly as the shim hands them over.

export const SITE_URL = 'http://mm.test';

export interface Persona {
    user: UserProfile;
    member?: Partial<ChannelMembership>;
}

export class WopiHarness {
    api = new MemoryPluginApi();
    logs: string[] = [];
    state!: PluginState;
    services!: Services;
    app!: FastifyInstance;
    standIn!: CollaboraStandIn;
    clock = Date.now();
    channel!: Channel;

    static async start(settings: Record<string, unknown> = {}): Promise<WopiHarness> {
        const h = new WopiHarness();
        h.standIn = await startCollaboraStandIn();
        h.api.now = () => h.clock;
        h.api.config = {ServiceSettings: {SiteURL: SITE_URL}, FileSettings: {MaxFileSize: 10 * 1024 * 1024, EnableFileAttachments: true}};
        h.state = new PluginState(h.api, createLogger((line) => h.logs.push(line)), 'test');
        h.state.applyConfiguration({CollaboraUrl: h.standIn.url, ...settings});
        await h.state.refreshServerConfig();
        h.services = buildServices(h.state, () => h.clock);
        h.app = buildApp({state: h.state, hooks: new Hooks(h.state), services: h.services});
        h.channel = h.addChannel('O');
        return h;
    }

    async stop(): Promise<void> {
        await this.app.close();
        await this.standIn.close();
    }

    addChannel(type: 'O' | 'P' | 'D' | 'G', extra: Partial<Channel> = {}): Channel {
        const channel = {id: newId(), type, name: `c${type}`, display_name: 'Channel', team_id: 'team', delete_at: 0, ...extra} as Channel;
        this.api.channels.set(channel.id, channel);
        return channel;
    }

    // addUser creates a user; with channel roles it joins the channel with read and post rights.
    addUser(name: string, opts: {roles?: string; channelRoles?: string | null; canPost?: boolean; channel?: Channel} = {}): UserProfile {
        const user = {id: newId(), username: name, first_name: name[0].toUpperCase() + name.slice(1), last_name: '', nickname: '', roles: opts.roles ?? 'system_user', delete_at: 0, is_bot: false} as UserProfile;
        this.api.users.set(user.id, user);
        const channel = opts.channel ?? this.channel;
        if (opts.channelRoles !== null) {
            this.api.members.set(`${channel.id}:${user.id}`, {channel_id: channel.id, user_id: user.id, roles: opts.channelRoles ?? 'channel_user', scheme_admin: (opts.channelRoles ?? '').includes('channel_admin')} as ChannelMembership);
            this.api.permissions.add(`${user.id}:${channel.id}:read_channel`);
            if (opts.canPost !== false) {
                this.api.permissions.add(`${user.id}:${channel.id}:create_post`);
            }
        }
        return user;
    }

    // postDocument posts a file as the user and returns its id (the document id).
    async postDocument(owner: UserProfile, name: string, bytes: Buffer, channel: Channel = this.channel): Promise<string> {
        const info = this.api.addFile({name, channel_id: channel.id, user_id: owner.id}, bytes);
        await this.api.createPost({user_id: owner.id, channel_id: channel.id, file_ids: [info.id]});
        await this.services.documents.resolve(info.id);
        return info.id;
    }

    async token(user: UserProfile, docId: string, mode: TokenMode, ttlSeconds = 3600): Promise<string> {
        return issueToken(await this.services.keys.get(), {userId: user.id, docId, mode}, ttlSeconds, this.clock).token;
    }

    // wopi sends a signed WOPI request the way Collabora does, through the bridge's headers.
    async wopi(method: 'GET' | 'POST', docId: string, token: string, opts: {contents?: boolean; headers?: Record<string, string>; body?: Buffer | string; sign?: Parameters<CollaboraStandIn['signer']['signRequest']>[0] extends infer O ? Partial<O> | false : never; clientIp?: string} = {}) {
        const path = `/wopi/files/${docId}${opts.contents ? '/contents' : ''}?access_token=${encodeURIComponent(token)}&access_token_ttl=0`;
        const rawUri = `/plugins/${PLUGIN_ID}${path}`;
        const proof = opts.sign === false ? {} : this.standIn.signer.signRequest({accessToken: token, url: SITE_URL + rawUri, now: this.clock, ...(opts.sign ?? {})});
        return this.app.inject({
            method,
            url: path.replace(/access_token=[^&]*&/, ''),
            headers: {
                [BridgeHeaders.requestUri]: encodeURIComponent(rawUri),
                [BridgeHeaders.clientIp]: opts.clientIp ?? '127.0.0.1',
                authorization: `Bearer ${token}`,
                ...proof,
                ...(opts.body !== undefined ? {'content-type': 'application/octet-stream'} : {}),
                ...opts.headers,
            },
            payload: opts.body,
        });
    }

    fileBytes(fileId: string): Buffer {
        const f = this.api.files.get(fileId);
        if (!f) {
            throw new Error(`no file ${fileId}`);
        }
        return f.data;
    }
}
