// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash} from 'node:crypto';
import {Readable} from 'node:stream';

import type {FastifyInstance} from 'fastify';

import {BridgeHeaders, bridgeContext, encodeStoreBody} from '../http/bridge_headers';
import {MattermostError} from '../mattermost/plugin_api';
import type {Hooks} from '../runtime/hooks';
import {docKey} from '../documents/document_record';
import {CHANNEL_PERMISSIONS} from '../rights/access_answers';
import type {PluginState} from '../runtime/plugin_state';

import {sessionUser} from './request_input';

// Routes for the bridge's own tests (build/shim tests): large streamed bodies both ways (also
// into UploadData), a file the shim sends, and a slow response whose cancellation is
// observable. Registered only when the shim starts the sidecar with
// COLLABORA_SIDECAR_TEST_ROUTES=1.

const counters = {cancelled: 0, slowStarted: 0, clusterEvents: [] as string[]};
const TEST_FILE_PREFIX = 'bridge-test-';

function patternedStream(total: number): Readable {
    const block = Buffer.alloc(64 * 1024);
    for (let i = 0; i < block.length; i++) {
        block[i] = (i * 31 + 7) & 0xff;
    }
    let sent = 0;
    return new Readable({
        read() {
            if (sent >= total) {
                this.push(null);
                return;
            }
            const n = Math.min(block.length, total - sent);
            sent += n;
            this.push(n === block.length ? Buffer.from(block) : block.subarray(0, n));
        },
    });
}

export function registerTestRoutes(app: FastifyInstance, state: PluginState, hooks: Hooks): void {
    hooks.onCluster('bridge_test', (data) => void counters.clusterEvents.push(data.toString('utf8')));
    app.post('/api/v1/test/sink', async (request) => {
        const hash = createHash('sha256');
        let bytes = 0;
        for await (const chunk of request.raw) {
            bytes += (chunk as Buffer).length;
            hash.update(chunk as Buffer);
        }
        return {bytes, sha256: hash.digest('hex')};
    });
    // Streams the body into Mattermost as PutFile does (UploadData), for the save path's memory.
    app.post('/api/v1/test/upload', async (request) => {
        const fileSize = Number(request.headers['content-length'] ?? 0);
        const info = await state.api.uploadData({userId: 'nouser', channelId: 'test-channel', filename: 'upload.bin', fileSize}, request.raw);
        return {bytes: info.size};
    });
    // RemoveFileContent as the product will call it (revision retention), for the integration
    // tests that look into the file store afterwards.
    app.post<{Querystring: {file_id?: string}}>('/api/v1/test/remove-file-content', async (request, reply) => {
        try {
            return {removed_paths: await state.api.removeFileContent(request.query.file_id ?? '')};
        } catch (err) {
            if (err instanceof MattermostError) {
                return reply.code(err.statusCode).send({error: err.message});
            }
            throw err;
        }
    });
    app.get<{Querystring: {bytes?: string}}>('/api/v1/test/source', async (request, reply) => {
        const total = Number(request.query.bytes ?? 0);
        reply.header('content-type', 'application/octet-stream').header('content-length', String(total));
        return reply.send(patternedStream(total));
    });
    // Answers as WOPI GetFile does behind the shim, naming whatever file it is asked to: the shim
    // sends it only if the document in the path has it (the shim reads the document's record).
    // Ids of the bridge tests' own fake files (no Mattermost file id has a dash), and real ones
    // only for a system admin, so even where the test routes were switched on by mistake nobody
    // reads through it what they could not read anyway.
    app.get<{Params: {docId: string}; Querystring: {id?: string}}>('/api/v1/test/files/:docId/contents', async (request, reply) => {
        const id = request.query.id ?? '';
        const bridge = bridgeContext(request.headers, request.url);
        const admin = bridge.userId !== null && (await state.api.getUser(bridge.userId)).roles.split(' ').includes('system_admin');
        if (!bridge.canSendFile || !(id.startsWith(TEST_FILE_PREFIX) || admin)) {
            return reply.code(501).send({error: 'the shim did not offer to send files, or the file is not a test file'});
        }
        return reply.type('application/octet-stream').header('x-wopi-itemversion', '7').header(BridgeHeaders.sendFile, id).send();
    });
    // Answers as WOPI PutFile does behind the shim: the head first, asking the shim to store the
    // body (or refusing when x-test-refuse is set, as a lock conflict does), then the stored
    // file's report. A body sent through Node (no shim offer) is counted.
    app.post('/api/v1/test/files/:docId/contents', async (request, reply) => {
        const bridge = bridgeContext(request.headers, request.url);
        if (request.headers['x-test-refuse']) {
            return reply.code(409).header('x-wopi-lock', 'held').send();
        }
        if (bridge.storedFile) {
            return {bytes: bridge.storedFile.size, stored: bridge.storedFile.id};
        }
        if (bridge.storeFailed !== null) {
            return reply.code(500).send({failed: bridge.storeFailed});
        }
        if (bridge.canStoreBody !== null) {
            return reply.header(BridgeHeaders.storeBody, encodeStoreBody({user_id: 'nouser', channel_id: 'test-channel', filename: 'upload.bin', file_size: bridge.canStoreBody})).send();
        }
        let bytes = 0;
        for await (const chunk of request.raw) {
            bytes += (chunk as Buffer).length;
        }
        return {bytes, through_node: true};
    });
    // Only the rights facts of a WOPI request (one gatherAccessFacts), for the CheckFileInfo
    // benchmark's profile: what the bridge and Mattermost cost apart from the sidecar's work.
    // ?permissions=0 leaves out the three channel permission checks.
    app.get<{Params: {docId: string}; Querystring: {permissions?: string}}>('/api/v1/test/gather/:docId', async (request) => {
        const channelPermissions = request.query.permissions === '0' ? [] : CHANNEL_PERMISSIONS;
        const facts = await state.api.gatherAccessFacts({userId: sessionUser(request), recordKey: docKey(request.params.docId), channelPermissions});
        return {record: facts.record !== null, channelId: facts.channelId};
    });
    app.get('/api/v1/test/slow', (request, reply) => {
        counters.slowStarted++;
        reply.raw.writeHead(200, {'content-type': 'text/plain'});
        const timer = setInterval(() => reply.raw.write('tick\n'), 100);
        const stop = setTimeout(() => {
            clearInterval(timer);
            reply.raw.end();
        }, 60_000);
        reply.raw.on('close', () => {
            clearInterval(timer);
            clearTimeout(stop);
            if (!reply.raw.writableFinished) {
                counters.cancelled++;
            }
        });
    });
    app.get('/api/v1/test/state', async (request) => ({
        ...counters,
        settings_hash: state.settingsHash,
        request_uri: bridgeContext(request.headers, request.url).rawRequestUri,
        headers: request.headers,
        memory: process.memoryUsage(),
    }));
}
