// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Readable} from 'node:stream';

import type {Channel, ChannelMembership} from '@mattermost/types/channels';
import type {FileInfo} from '@mattermost/types/files';
import type {Post} from '@mattermost/types/posts';
import type {UserProfile} from '@mattermost/types/users';

// The Mattermost Plugin API as the sidecar sees it: one method per Plugin API call the product
// uses, named as in Mattermost's Go API. bridge/ implements it over gRPC; tests implement it
// in memory. Model objects are Mattermost's own JSON shapes.

export interface KVSetOptions {
    // Only write when the current value equals oldValue; oldValue null = "only if absent".
    atomic?: {oldValue: Buffer | null};
    expireInSeconds?: number;
}

export interface WebSocketBroadcast {
    userId?: string;
    channelId?: string;
    teamId?: string;
    omitUserIds?: string[];
}

export interface UploadDataHead {
    userId: string;
    channelId: string;
    filename: string;
    fileSize: number;
}

// Mattermost's GetFileInfosOptions (model/file_info.go), in its JSON spelling.
export interface GetFileInfosOptions {
    channel_ids?: string[];
    user_ids?: string[];
    since?: number;
    include_deleted?: boolean;
    sort_by?: 'CreateAt' | 'Size';
    sort_descending?: boolean;
}

// Mattermost's UserSearch (model/user_search.go), in its JSON spelling: the search behind the
// web app's @-autocomplete. in_channel_id keeps it to the channel's current members.
export interface UserSearch {
    term: string;
    in_channel_id?: string;
    allow_inactive?: boolean;
    limit?: number;
}

export type LogKeyValues = Record<string, string>;

// One Plugin API answer gathered with others: Mattermost's value, or the error its call returned.
export type Gathered<T> = {value: T} | {error: MattermostError};

export interface AccessFactsRequest {
    userId: string;
    // The KV key of the document record, whose postId and channelId the other facts follow.
    recordKey: string;
    // Checked with hasPermissionToChannel in the post's channel, answered in this order.
    channelPermissions: readonly string[];
}

// What gatherAccessFacts answers: the calls a rights decision needs, made together (the shim
// runs them concurrently; build/shim/api_bridge_access_facts.go).
export interface GatheredAccessFacts {
    // The record as stored, null when the key holds nothing.
    record: Buffer | null;
    user: Gathered<UserProfile>;
    // The rest is absent when there is no record (or it names no post).
    post?: Gathered<Post>;
    // The channel the facts below are about: the post's when it was read, else the record's.
    channelId: string;
    channel?: Gathered<Channel>;
    channelMember?: Gathered<ChannelMembership>;
    channelPermissions: boolean[];
}

export interface PluginApi {
    getPluginConfig(): Promise<Record<string, unknown>>;
    savePluginConfig(config: Record<string, unknown>): Promise<void>;
    getConfig(): Promise<Record<string, unknown>>;
    getServerVersion(): Promise<string>;
    getBundlePath(): Promise<string>;
    getLicense(): Promise<Record<string, unknown> | null>;

    getFileInfo(fileId: string): Promise<FileInfo>;
    getFileInfos(page: number, perPage: number, options: GetFileInfosOptions): Promise<FileInfo[]>;
    getFile(fileId: string): Readable;
    // New unattached FileInfos over the same stored bytes (no copy of the bytes).
    copyFileInfos(userId: string, fileIds: string[]): Promise<string[]>;
    uploadFile(channelId: string, filename: string, data: Readable): Promise<FileInfo>;
    uploadData(head: UploadDataHead, data: Readable): Promise<FileInfo>;
    // Removes the stored bytes of an unattached FileInfo nobody else shares (the shim, through
    // Mattermost's own filestore package); refused for a file a post shows. Idempotent: returns
    // the paths this call removed, none when they were already gone.
    // channelId: where to look for files sharing the bytes when the file has no channel (a copy).
    removeFileContent(fileId: string, channelId?: string): Promise<string[]>;
    setFileSearchableContent(fileId: string, content: string): Promise<void>;

    getPost(postId: string): Promise<Post>;
    createPost(post: Partial<Post>): Promise<Post>;
    updatePost(post: Post): Promise<Post>;
    sendEphemeralPost(userId: string, post: Partial<Post>): Promise<Post>;

    getUser(userId: string): Promise<UserProfile>;
    getUserByUsername(username: string): Promise<UserProfile>;
    searchUsers(search: UserSearch): Promise<UserProfile[]>;
    getChannel(channelId: string): Promise<Channel>;
    getChannelMember(channelId: string, userId: string): Promise<ChannelMembership>;
    hasPermissionTo(userId: string, permissionId: string): Promise<boolean>;
    hasPermissionToChannel(userId: string, channelId: string, permissionId: string): Promise<boolean>;
    // The record, post, user, channel, membership and channel permissions in one round trip.
    // Nothing is cached: every call asks Mattermost again.
    gatherAccessFacts(request: AccessFactsRequest): Promise<GatheredAccessFacts>;

    kvGet(key: string): Promise<Buffer | null>;
    kvSetWithOptions(key: string, value: Buffer | null, options?: KVSetOptions): Promise<boolean>;
    kvDelete(key: string): Promise<void>;
    kvList(page: number, perPage: number): Promise<string[]>;

    publishWebSocketEvent(event: string, payload: Record<string, string | number | boolean>, broadcast: WebSocketBroadcast): Promise<void>;
    publishPluginClusterEvent(id: string, data: Buffer, sendType?: 'reliable' | 'best_effort'): Promise<void>;
    registerCommand(command: Record<string, unknown>): Promise<void>;
}

// MattermostError is a Plugin API failure with Mattermost's own error id and HTTP status.
export class MattermostError extends Error {
    constructor(message: string, readonly statusCode: number, readonly errorId: string) {
        super(message);
        this.name = 'MattermostError';
    }

    get isNotFound(): boolean {
        return this.statusCode === 404;
    }
}

// settle turns one call's MattermostError into a Gathered answer (other failures still throw).
export async function settle<T>(p: Promise<T>): Promise<Gathered<T>> {
    try {
        return {value: await p};
    } catch (err) {
        if (err instanceof MattermostError) {
            return {error: err};
        }
        throw err;
    }
}
