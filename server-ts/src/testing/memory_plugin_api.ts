// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';
import {Readable} from 'node:stream';

import type {Channel, ChannelMembership} from '@mattermost/types/channels';
import type {FileInfo} from '@mattermost/types/files';
import type {Post} from '@mattermost/types/posts';
import type {UserProfile} from '@mattermost/types/users';

import {MattermostError, type AccessFactsRequest, type GetFileInfosOptions, type KVSetOptions, type PluginApi, type UploadDataHead, type UserSearch} from '../mattermost/plugin_api';

import {gatherAccessFactsIn} from './memory_access_facts';

// An in-memory Mattermost for unit tests of the sidecar: KV store with compare-and-set and
// expiry as Mattermost's SQL store implements them, files, posts, users, channels and
// permissions. The real one is covered by the integration tests against a real server.

export const newId = (): string => randomBytes(13).toString('hex');

const notFound = (what: string): MattermostError => new MattermostError(`${what} not found`, 404, 'app.not_found');

// The bytes of a file whose content was removed (removeFileContent).
const REMOVED = Buffer.alloc(0);

export class MemoryPluginApi implements PluginApi {
    pluginConfig: Record<string, unknown> = {};
    config: Record<string, unknown> = {ServiceSettings: {SiteURL: 'http://mm.test'}, FileSettings: {MaxFileSize: 100 * 1024 * 1024, EnableFileAttachments: true}};
    kv = new Map<string, {value: Buffer; expireAt: number}>();
    files = new Map<string, {info: FileInfo; data: Buffer}>();
    posts = new Map<string, Post>();
    users = new Map<string, UserProfile>();
    channels = new Map<string, Channel>();
    members = new Map<string, ChannelMembership>();
    // "userId:channelId:permission" and "userId::permission" entries that are granted.
    permissions = new Set<string>();
    events: Array<{event: string; payload: Record<string, unknown>; broadcast: unknown}> = [];
    now = (): number => Date.now();

    async getPluginConfig() { return {...this.pluginConfig}; }
    async savePluginConfig(c: Record<string, unknown>) { this.pluginConfig = {...c}; }
    async getConfig() { return this.config; }
    async getServerVersion() { return '11.4.0'; }
    async getBundlePath() { return '/tmp/bundle'; }
    async getLicense() { return null; }

    // Like Mattermost, a soft-deleted file (one a post update removed) can no longer be read.
    async getFileInfo(fileId: string) {
        const f = this.files.get(fileId);
        if (!f || f.info.delete_at) {
            throw notFound('file');
        }
        return {...f.info};
    }

    // As Mattermost's store: filtered by the file's channel, creator and age, deleted files left
    // out unless asked for, newest or oldest first, then paged.
    async getFileInfos(page: number, perPage: number, options: GetFileInfosOptions) {
        const desc = options.sort_descending ? -1 : 1;
        const key = (f: FileInfo): number => (options.sort_by === 'Size' ? f.size : f.create_at);
        return [...this.files.values()].map((f) => f.info)
            .filter((f) => !options.channel_ids?.length || options.channel_ids.includes(f.channel_id ?? ''))
            .filter((f) => !options.user_ids?.length || options.user_ids.includes(f.user_id))
            .filter((f) => !options.since || f.create_at >= options.since)
            .filter((f) => options.include_deleted || !f.delete_at)
            .sort((a, b) => desc * (key(a) - key(b)) || (a.id < b.id ? -1 : 1))
            .slice(page * perPage, (page + 1) * perPage)
            .map((f) => ({...f}));
    }

    getFile(fileId: string): Readable {
        const f = this.files.get(fileId);
        if (!f || f.info.delete_at || f.data === REMOVED) {
            return new Readable({read() { this.destroy(notFound('file')); }});
        }
        return Readable.from([f.data]);
    }

    // As Mattermost: a new FileInfo row sharing the bytes, unattached, readable while the
    // original is soft-deleted.
    async copyFileInfos(userId: string, fileIds: string[]) {
        return fileIds.map((id) => {
            const f = this.files.get(id);
            if (!f || f.info.delete_at) {
                throw notFound('file');
            }
            return this.addFile({...f.info, id: newId(), user_id: userId, post_id: '', channel_id: '', delete_at: 0}, f.data).id;
        });
    }

    hasContent(fileId: string): boolean {
        const f = this.files.get(fileId);
        return f !== undefined && f.data !== REMOVED;
    }

    addFile(info: Partial<FileInfo> & {name: string; channel_id: string}, data: Buffer): FileInfo {
        const id = info.id ?? newId();
        const ext = info.name.includes('.') ? info.name.split('.').pop()! : '';
        const full = {id, user_id: 'nouser', create_at: this.now(), update_at: this.now(), delete_at: 0, extension: ext, size: data.length,
            mime_type: 'application/octet-stream', width: 0, height: 0, has_preview_image: false, clientId: '', archived: false, post_id: '', ...info} as FileInfo;
        this.files.set(id, {info: full, data});
        return full;
    }

    private async store(channelId: string, filename: string, data: Readable, creator: string, size?: number): Promise<FileInfo> {
        const chunks: Buffer[] = [];
        for await (const c of data) {
            chunks.push(c as Buffer);
        }
        const buf = Buffer.concat(chunks);
        if (size !== undefined && buf.length !== size) {
            throw new MattermostError('short upload', 400, 'app.upload.short');
        }
        const max = Number((this.config.FileSettings as {MaxFileSize: number}).MaxFileSize);
        if (buf.length > max) {
            throw new MattermostError('too large', 413, 'app.file.too_large');
        }
        return this.addFile({name: filename, channel_id: channelId, user_id: creator}, buf);
    }

    uploadFile(channelId: string, filename: string, data: Readable) { return this.store(channelId, filename, data, 'nouser'); }
    uploadData(head: UploadDataHead, data: Readable) { return this.store(head.channelId, head.filename, data, head.userId, head.fileSize); }

    // As the shim: copies share their bytes (the same Buffer here), and bytes a post shows or
    // another live file names are kept. Removed bytes read as missing.
    async removeFileContent(fileId: string) {
        const f = this.files.get(fileId);
        if (!f) {
            throw notFound('file');
        }
        if (f.info.post_id) {
            throw new MattermostError(`file ${fileId} is attached to a post`, 409, 'plugin.bridge.error');
        }
        if (f.data === REMOVED) {
            return [];
        }
        const other = [...this.files.values()].find((o) => o !== f && o.data === f.data && !o.info.delete_at);
        if (other) {
            throw new MattermostError(`file ${fileId} shares its stored bytes with file ${other.info.id}`, 409, 'plugin.bridge.error');
        }
        // One path: the soft-deleted files that named the same bytes lose them too.
        for (const o of this.files.values()) {
            if (o !== f && o.data === f.data) {
                o.data = REMOVED;
            }
        }
        f.data = REMOVED;
        return [`memory/${fileId}`];
    }
    async setFileSearchableContent() { /* search text is Mattermost's concern in unit tests */ }

    async getPost(postId: string) {
        const p = this.posts.get(postId);
        if (!p) {
            throw notFound('post');
        }
        return structuredClone(p);
    }

    async createPost(post: Partial<Post>) {
        const full = {id: newId(), create_at: this.now(), update_at: this.now(), edit_at: 0, delete_at: 0, is_pinned: false, root_id: '', original_id: '',
            message: '', type: '', props: {}, hashtags: '', file_ids: [], pending_post_id: '', reply_count: 0, metadata: {}, ...post} as Post;
        for (const fid of full.file_ids ?? []) {
            const f = this.files.get(fid);
            if (!f || f.info.post_id || (f.info.user_id !== full.user_id && f.info.user_id !== 'nouser')) {
                throw new MattermostError('cannot attach', 400, 'app.post.attach');
            }
            f.info.post_id = full.id;
        }
        this.posts.set(full.id, full);
        return structuredClone(full);
    }

    // As Mattermost's plugin UpdatePost: new files attach only when created by "nouser" (the
    // plugin API has no session user), removed files are detached.
    async updatePost(post: Post) {
        const old = this.posts.get(post.id);
        if (!old) {
            throw notFound('post');
        }
        const kept: string[] = [];
        for (const fid of post.file_ids ?? []) {
            const f = this.files.get(fid);
            if (old.file_ids?.includes(fid)) {
                kept.push(fid);
            } else if (f && !f.info.post_id && f.info.user_id === 'nouser') {
                f.info.post_id = post.id;
                kept.push(fid);
            }
        }
        for (const fid of old.file_ids ?? []) {
            if (!kept.includes(fid)) {
                const f = this.files.get(fid);
                if (f) {
                    f.info.delete_at = this.now();
                }
            }
        }
        const next = {...structuredClone(post), file_ids: kept, edit_at: this.now(), update_at: this.now()};
        this.posts.set(post.id, next);
        return structuredClone(next);
    }

    async sendEphemeralPost(_userId: string, post: Partial<Post>) { return {...post, id: newId()} as Post; }

    async getUser(userId: string) {
        const u = this.users.get(userId);
        if (!u) {
            throw notFound('user');
        }
        return structuredClone(u);
    }

    async getUserByUsername(username: string) {
        const u = [...this.users.values()].find((user) => user.username === username);
        if (!u) {
            throw notFound('user');
        }
        return structuredClone(u);
    }

    // Prefix match on username and names, as Mattermost's user search does; channel members only
    // when in_channel_id is given.
    async searchUsers(search: UserSearch) {
        const term = search.term.toLowerCase().replace(/^@/, '');
        const words = (u: UserProfile) => [u.username, u.first_name, u.last_name, u.nickname].flatMap((w) => (w ?? '').toLowerCase().split(/\s+/));
        return [...this.users.values()].
            filter((u) => (search.allow_inactive || u.delete_at === 0) && words(u).some((w) => w.startsWith(term))).
            filter((u) => !search.in_channel_id || this.members.has(`${search.in_channel_id}:${u.id}`)).
            slice(0, search.limit ?? 100).
            map((u) => structuredClone(u));
    }

    async getChannel(channelId: string) {
        const c = this.channels.get(channelId);
        if (!c) {
            throw notFound('channel');
        }
        return structuredClone(c);
    }

    async getChannelMember(channelId: string, userId: string) {
        const m = this.members.get(`${channelId}:${userId}`);
        if (!m) {
            throw notFound('channel member');
        }
        return structuredClone(m);
    }

    async hasPermissionTo(userId: string, permission: string) { return this.permissions.has(`${userId}::${permission}`); }
    async hasPermissionToChannel(userId: string, channelId: string, permission: string) {
        return this.permissions.has(`${userId}:${channelId}:${permission}`) || this.permissions.has(`${userId}::${permission}`);
    }

    gatherAccessFacts(request: AccessFactsRequest) { return gatherAccessFactsIn(this, request); }

    async kvGet(key: string) {
        const e = this.kv.get(key);
        if (!e || (e.expireAt && e.expireAt <= this.now())) {
            return null;
        }
        return Buffer.from(e.value);
    }

    async kvSetWithOptions(key: string, value: Buffer | null, options: KVSetOptions = {}) {
        const e = this.kv.get(key);
        const live = e && !(e.expireAt && e.expireAt <= this.now()) ? e : undefined;
        if (options.atomic) {
            const old = options.atomic.oldValue;
            if (old === null ? live !== undefined : !live || !live.value.equals(old)) {
                return false;
            }
        }
        if (value === null) {
            this.kv.delete(key);
        } else {
            this.kv.set(key, {value: Buffer.from(value), expireAt: options.expireInSeconds ? this.now() + options.expireInSeconds * 1000 : 0});
        }
        return true;
    }

    async kvDelete(key: string) { this.kv.delete(key); }
    async kvList(page: number, perPage: number) { return [...this.kv.keys()].slice(page * perPage, (page + 1) * perPage); }
    async publishWebSocketEvent(event: string, payload: Record<string, string | number | boolean>, broadcast: unknown) {
        this.events.push({event, payload, broadcast});
    }
    async publishPluginClusterEvent() { /* single node */ }
    async registerCommand() { /* nothing to route in unit tests */ }
}
