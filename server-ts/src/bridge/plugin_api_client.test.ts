// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash} from 'node:crypto';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';

import {createServer, ServerError, Status, type Server} from 'nice-grpc';

import {PluginApiDefinition, type PluginApiServiceImplementation, type UploadDataRequest} from '../gen/bridge/v1/bridge';
import {MattermostError, type PluginApi} from '../mattermost/plugin_api';

import {connectPluginApi} from './plugin_api_client';

// The TypeScript side of the bridge against a PluginApi server built from the same generated
// code as the shim's (build/shim/api_bridge*.go), behaving as the shim does: JSON model objects,
// AppError id and status in the trailer, file bytes in chunks.

const MiB = 1024 * 1024;

function pattern(size: number): Buffer {
    const b = Buffer.alloc(size);
    for (let i = 0; i < size; i++) {
        b[i] = (i * 7 + 3) & 0xff;
    }
    return b;
}

describe('PluginApi client over gRPC', () => {
    let dir: string;
    let server: Server;
    let api: PluginApi;
    const kvCalls: Array<{key: string; value?: Uint8Array; atomic: boolean; oldValue?: Uint8Array; expireInSeconds: number}> = [];
    const uploads: Array<{head: unknown; bytes: number; sha256: string}> = [];
    const stored = pattern(12 * MiB + 5);

    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'bridge-test-'));
        const impl: Partial<PluginApiServiceImplementation> = {
            async getFileInfo(req, ctx) {
                if (req.fileId === 'missing') {
                    ctx.trailer.set('mm-error-id', 'app.file_info.get.app_error');
                    ctx.trailer.set('mm-status', '404');
                    throw new ServerError(Status.NOT_FOUND, 'Unable to find the file.');
                }
                return {fileInfoJson: Buffer.from(JSON.stringify({id: req.fileId, name: 'a.docx', size: 3}))};
            },
            async *getFile(req) {
                if (req.fileId !== 'big') {
                    throw new ServerError(Status.NOT_FOUND, 'no file');
                }
                for (let off = 0; off < stored.length; off += 64 * 1024) {
                    yield {chunk: stored.subarray(off, off + 64 * 1024)};
                }
            },
            async uploadData(requests: AsyncIterable<UploadDataRequest>) {
                let head: unknown = null;
                let bytes = 0;
                const hash = createHash('sha256');
                for await (const msg of requests) {
                    if (msg.part?.$case === 'head') {
                        head = msg.part.value;
                    } else if (msg.part?.$case === 'chunk') {
                        bytes += msg.part.value.length;
                        hash.update(msg.part.value);
                    }
                }
                uploads.push({head, bytes, sha256: hash.digest('hex')});
                return {fileInfoJson: Buffer.from(JSON.stringify({id: 'new', size: bytes}))};
            },
            async kVSetWithOptions(req) {
                kvCalls.push({...req});
                return {written: true};
            },
            async kVGet(req) {
                return req.key === 'present' ? {found: true, value: Buffer.from('v')} : {found: false, value: Buffer.alloc(0)};
            },
            async hasPermissionToChannel(req) {
                return {allowed: req.permissionId === 'read_channel'};
            },
        };
        // Every RPC the test does not play answers UNIMPLEMENTED, as a shim without it would.
        const full: Record<string, unknown> = {};
        for (const name of Object.keys(PluginApiDefinition.methods)) {
            full[name] = (impl as Record<string, unknown>)[name] ?? (async () => {
                throw new ServerError(Status.UNIMPLEMENTED, `${name} is not played by this test`);
            });
        }
        server = createServer();
        server.add(PluginApiDefinition, full as unknown as PluginApiServiceImplementation);
        await server.listen(`unix://${path.join(dir, 'api.sock')}`);
        api = connectPluginApi(path.join(dir, 'api.sock'));
    });

    afterAll(async () => {
        await server.shutdown();
        rmSync(dir, {recursive: true, force: true});
    });

    it('decodes Mattermost JSON models', async () => {
        await expect(api.getFileInfo('f1')).resolves.toEqual({id: 'f1', name: 'a.docx', size: 3});
        await expect(api.hasPermissionToChannel('u', 'c', 'read_channel')).resolves.toBe(true);
        await expect(api.hasPermissionToChannel('u', 'c', 'create_post')).resolves.toBe(false);
    });

    it('turns an AppError into a MattermostError with its id and HTTP status', async () => {
        const err = await api.getFileInfo('missing').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(MattermostError);
        expect((err as MattermostError).statusCode).toBe(404);
        expect((err as MattermostError).errorId).toBe('app.file_info.get.app_error');
    });

    it('streams a file larger than a gRPC message, byte for byte', async () => {
        const chunks: Buffer[] = [];
        for await (const c of api.getFile('big')) {
            chunks.push(c as Buffer);
        }
        expect(Buffer.concat(chunks).equals(stored)).toBe(true);
    });

    it('reports a missing file as an error on the stream', async () => {
        const consume = async () => {
            for await (const _ of api.getFile('nope')) {
                // drain
            }
        };
        await expect(consume()).rejects.toBeInstanceOf(MattermostError);
    });

    it('streams an upload with its head first and every byte after it', async () => {
        const body = pattern(20 * MiB + 1);
        const info = await api.uploadData({userId: 'nouser', channelId: 'c', filename: 'x.odt', fileSize: body.length}, Readable.from([body.subarray(0, 7 * MiB), body.subarray(7 * MiB)]));
        expect(info.size).toBe(body.length);
        const last = uploads[uploads.length - 1];
        expect(last.head).toEqual({userId: 'nouser', channelId: 'c', filename: 'x.odt', fileSize: body.length});
        expect(last.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    });

    it('fails an upload whose body fails, so nothing half-written is stored', async () => {
        const broken = new Readable({
            read() {
                this.push(Buffer.alloc(1024));
                this.destroy(new Error('client went away'));
            },
        });
        const before = uploads.length;
        await expect(api.uploadData({userId: 'nouser', channelId: 'c', filename: 'x', fileSize: 5000}, broken)).rejects.toThrow();
        expect(uploads.length).toBe(before);
    });

    it('maps KV options: value, atomic with an old value, insert-if-absent, delete, expiry', async () => {
        kvCalls.length = 0;
        await api.kvSetWithOptions('k', Buffer.from('new'), {atomic: {oldValue: Buffer.from('old')}, expireInSeconds: 30});
        await api.kvSetWithOptions('k', Buffer.from('new'), {atomic: {oldValue: null}});
        await api.kvSetWithOptions('k', null);
        expect(kvCalls.map((c) => [c.key, c.value && Buffer.from(c.value).toString(), c.atomic, c.oldValue && Buffer.from(c.oldValue).toString(), c.expireInSeconds])).toEqual([
            ['k', 'new', true, 'old', 30],
            ['k', 'new', true, undefined, 0],
            ['k', undefined, false, undefined, 0],
        ]);
        await expect(api.kvGet('present')).resolves.toEqual(Buffer.from('v'));
        await expect(api.kvGet('absent')).resolves.toBeNull();
    });
});
