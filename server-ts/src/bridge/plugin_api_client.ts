// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {Readable} from 'node:stream';

import type {Channel, ChannelMembership} from '@mattermost/types/channels';
import type {FileInfo} from '@mattermost/types/files';
import type {Post} from '@mattermost/types/posts';
import type {UserProfile} from '@mattermost/types/users';
import {createChannel, createClient, type CallOptions} from 'nice-grpc';

import {PluginApiDefinition, type PluginApiClient, type UploadDataRequest, type UploadFileRequest} from '../gen/bridge/v1/bridge';
import type {KVSetOptions, PluginApi, WebSocketBroadcast} from '../mattermost/plugin_api';

import {gatheredAccessFacts} from './access_facts_response';
import {toMattermostError, type TrailerCapture} from './grpc_errors';

// Bytes go to the shim in filled 256 KiB messages: grpc-js costs about the same per message
// whatever its size, and a request body arrives from the socket in pieces of 64 KiB or less.
// Not larger: grpc-js queues up to 16 messages per call before it pushes back, and with 1 MiB
// messages a 200 MiB save raised the sidecar's peak RSS to 120-132 MiB instead of 104-113.
const CHUNK = 256 * 1024;
const MAX_MESSAGE = 16 * 1024 * 1024;

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const parse = <T>(data: Buffer): T => JSON.parse(data.toString('utf8')) as T;

// call runs one RPC and turns its failure into a MattermostError with the AppError's status.
async function call<T>(fn: (options: CallOptions) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const capture: TrailerCapture = {};
    try {
        return await fn({...options, onTrailer: (trailer) => { capture.trailer = trailer; }});
    } catch (err) {
        throw toMattermostError(err, capture);
    }
}

export async function* chunksOf(data: Readable): AsyncGenerator<Buffer> {
    let pending: Buffer[] = [];
    let size = 0;
    for await (const piece of data) {
        pending.push(Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array));
        size += pending[pending.length - 1].length;
        if (size < CHUNK) {
            continue;
        }
        const all = pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
        let off = 0;
        for (; all.length - off >= CHUNK; off += CHUNK) {
            yield all.subarray(off, off + CHUNK);
        }
        pending = off < all.length ? [all.subarray(off)] : [];
        size = all.length - off;
    }
    if (size > 0) {
        yield pending.length === 1 ? pending[0] : Buffer.concat(pending, size);
    }
}

export function connectPluginApi(socketPath: string): PluginApi {
    const channel = createChannel(`unix://${socketPath}`, undefined, {
        'grpc.max_receive_message_length': MAX_MESSAGE,
        'grpc.max_send_message_length': MAX_MESSAGE,
    });
    const c: PluginApiClient = createClient(PluginApiDefinition, channel);

    // A body that fails half-way must never be stored: the upload stream then fails, and the
    // shim drops the upload instead of storing a short file.
    async function* withHead<M>(head: M, data: Readable, wrap: (chunk: Buffer) => M): AsyncGenerator<M> {
        yield head;
        for await (const chunk of chunksOf(data)) {
            yield wrap(chunk);
        }
    }

    return {
        getPluginConfig: async () => parse((await call((o) => c.getPluginConfig({}, o))).configJson),
        savePluginConfig: async (config) => void await call((o) => c.savePluginConfig({configJson: json(config)}, o)),
        getConfig: async () => parse((await call((o) => c.getConfig({}, o))).configJson),
        getServerVersion: async () => (await call((o) => c.getServerVersion({}, o))).version,
        getBundlePath: async () => (await call((o) => c.getBundlePath({}, o))).path,
        getLicense: async () => {
            const res = await call((o) => c.getLicense({}, o));
            return res.licenseJson.length ? parse(res.licenseJson) : null;
        },
        getFileInfo: async (fileId) => parse<FileInfo>((await call((o) => c.getFileInfo({fileId}, o))).fileInfoJson),
        // Mattermost encodes an empty result as null.
        getFileInfos: async (page, perPage, options) => parse<FileInfo[] | null>((await call((o) => c.getFileInfos({page, perPage, optionsJson: json(options)}, o))).fileInfosJson) ?? [],
        copyFileInfos: async (userId, fileIds) => (await call((o) => c.copyFileInfos({userId, fileIds}, o))).fileIds,
        getFile: (fileId) => {
            const capture: TrailerCapture = {};
            const messages = c.getFile({fileId}, {onTrailer: (t) => { capture.trailer = t; }});
            async function* bytes(): AsyncGenerator<Buffer> {
                try {
                    for await (const msg of messages) {
                        yield msg.chunk;
                    }
                } catch (err) {
                    throw toMattermostError(err, capture);
                }
            }
            // Destroying the stream returns the generator, which cancels the call.
            return Readable.from(bytes(), {objectMode: false});
        },
        uploadFile: async (channelId, filename, data) => parse<FileInfo>((await call((o) => c.uploadFile(
            withHead<UploadFileRequest>({part: {$case: 'head', value: {channelId, filename}}}, data, (chunk) => ({part: {$case: 'chunk', value: chunk}})), o))).fileInfoJson),
        uploadData: async (head, data) => parse<FileInfo>((await call((o) => c.uploadData(
            withHead<UploadDataRequest>({part: {$case: 'head', value: head}}, data, (chunk) => ({part: {$case: 'chunk', value: chunk}})), o))).fileInfoJson),
        removeFileContent: async (fileId, channelId = '') => (await call((o) => c.removeFileContent({fileId, channelId}, o))).removedPaths,
        setFileSearchableContent: async (fileId, content) => void await call((o) => c.setFileSearchableContent({fileId, content}, o)),
        getPost: async (postId) => parse<Post>((await call((o) => c.getPost({postId}, o))).postJson),
        createPost: async (post) => parse<Post>((await call((o) => c.createPost({postJson: json(post)}, o))).postJson),
        updatePost: async (post) => parse<Post>((await call((o) => c.updatePost({postJson: json(post)}, o))).postJson),
        sendEphemeralPost: async (userId, post) => parse<Post>((await call((o) => c.sendEphemeralPost({userId, postJson: json(post)}, o))).postJson),
        getUser: async (userId) => parse<UserProfile>((await call((o) => c.getUser({userId}, o))).userJson),
        getUserByUsername: async (username) => parse<UserProfile>((await call((o) => c.getUserByUsername({username}, o))).userJson),
        searchUsers: async (search) => parse<UserProfile[]>((await call((o) => c.searchUsers({searchJson: json(search)}, o))).usersJson),
        getChannel: async (channelId) => parse<Channel>((await call((o) => c.getChannel({channelId}, o))).channelJson),
        getChannelMember: async (channelId, userId) => parse<ChannelMembership>((await call((o) => c.getChannelMember({channelId, userId}, o))).channelMemberJson),
        hasPermissionTo: async (userId, permissionId) => (await call((o) => c.hasPermissionTo({userId, permissionId}, o))).allowed,
        hasPermissionToChannel: async (userId, channelId, permissionId) => (await call((o) => c.hasPermissionToChannel({userId, channelId, permissionId}, o))).allowed,
        gatherAccessFacts: async ({userId, recordKey, channelPermissions}) => gatheredAccessFacts(await call((o) => c.gatherAccessFacts({userId, recordKey, channelPermissions: [...channelPermissions]}, o))),
        kvGet: async (key) => {
            const res = await call((o) => c.kVGet({key}, o));
            return res.found ? Buffer.from(res.value) : null;
        },
        kvSetWithOptions: async (key, value, options: KVSetOptions = {}) => (await call((o) => c.kVSetWithOptions({
            key,
            value: value ?? undefined,
            atomic: Boolean(options.atomic),
            oldValue: options.atomic?.oldValue ?? undefined,
            expireInSeconds: options.expireInSeconds ?? 0,
        }, o))).written,
        kvDelete: async (key) => void await call((o) => c.kVDelete({key}, o)),
        kvList: async (page, perPage) => (await call((o) => c.kVList({page, perPage}, o))).keys,
        publishWebSocketEvent: async (event, payload, broadcast: WebSocketBroadcast) => void await call((o) => c.publishWebSocketEvent({
            event,
            payloadJson: json(payload),
            broadcast: {userId: broadcast.userId ?? '', channelId: broadcast.channelId ?? '', teamId: broadcast.teamId ?? '', omitUserIds: broadcast.omitUserIds ?? []},
        }, o)),
        publishPluginClusterEvent: async (id, data, sendType = 'reliable') => void await call((o) => c.publishPluginClusterEvent({id, data, sendType}, o)),
        registerCommand: async (command) => void await call((o) => c.registerCommand({commandJson: json(command)}, o)),
    };
}
