// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The data path through the real server, on whichever driver the stack runs (local directory or
// S3 bucket): GetFile streams the revision straight from Mattermost's file store and PutFile's
// body goes from the shim into an upload session, so a 200 MiB round trip costs the shim a
// bounded amount of memory and the sidecar none of the document. The shim sends only files of
// the document the request names, and a store failing in the middle of a GetFile is a failed
// read for Collabora, never a truncated 200.

import {execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {dirname, join} from 'node:path';

import type {CollaboraSession} from '../collabora';
import {storageDriver} from '../stack/file_store';
import {findShims} from '../stack/processes';
import {clientAs, pluginDir, stackJsonPath} from '../stack/stack';

import {createChannel, postAttachment, seededUser, sha256, type TestChannel, type TestUser} from './helpers/mm_world';
import {MiB, sidecarMemory} from './helpers/sidecar_memory';
import {collaboraFor, mustOpen, startWopiWorld, type WopiWorld} from './helpers/wopi_world';

const LARGE = 200 * MiB;
// Issue 18's bound: the shim's peak at most 64 MiB above its idle size for a 200 MiB GetFile
// and PutFile. The sidecar never sees the document: its peak may grow by what V8 leaves between
// collections of a few small requests, never by a piece of the document. (Its absolute size
// depends on what earlier test files did with it: 82 MiB when this file runs alone, 125 MiB
// after the whole suite; bench/RESULTS.md reports it.)
const MAX_SHIM_GROWTH = 64 * MiB;
const MAX_SIDECAR_GROWTH = 16 * MiB;

function shimPid(): number {
    const shims = findShims(pluginDir());
    if (shims.length !== 1) {
        throw new Error(`expected one shim process, found ${shims.length}`);
    }
    return shims[0].pid;
}

function memoryOf(pid: number): {rss: number; hwm: number} {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return {rss: field('VmRSS'), hwm: field('VmHWM')};
}

// The shim's peak growth over what it holds now, across fn (proc(5) clear_refs "5" resets the
// high-water mark to the current size).
const resetPeak = (pid: number): void => void execFileSync('sh', ['-c', `echo 5 > /proc/${pid}/clear_refs`]);

async function shimGrowthDuring<T>(fn: () => Promise<T>): Promise<{result: T; growth: number; idle: number}> {
    const pid = shimPid();
    resetPeak(pid);
    const idle = memoryOf(pid).rss;
    const result = await fn();
    expect(shimPid()).toBe(pid);
    return {result, growth: memoryOf(pid).hwm - idle, idle};
}

describe(`the data path straight to the file store (${storageDriver()} driver)`, () => {
    let world: WopiWorld;
    let channel: TestChannel;
    const member: TestUser = seededUser('member');

    beforeAll(async () => {
        world = await startWopiWorld();
        channel = await createChannel(clientAs('admin'), 'O', [member]);
    });
    afterAll(async () => {
        await world?.close();
    });

    async function openDocument(name: string, bytes: Buffer): Promise<{session: CollaboraSession; fileId: string}> {
        const doc = await postAttachment(member, channel.id, name, bytes);
        const session = collaboraFor(world, await mustOpen(member, doc.fileId, 'edit'));
        expect((await session.checkFileInfo()).status).toBe(200);
        expect((await session.lock()).status).toBe(200);
        return {session, fileId: doc.fileId};
    }

    it('round-trips 200 MiB with the shim under 64 MiB above idle and the sidecar never holding any of it', async () => {
        const {session} = await openDocument('large-direct.odt', Buffer.from('small original'));
        const bytes = randomBytes(LARGE);
        // The sidecar's peak from here on: earlier test files moved other documents through it.
        const sidecarPid = sidecarMemory().pid;
        resetPeak(sidecarPid);
        const sidecarIdle = sidecarMemory().rssBytes;
        const put = await shimGrowthDuring(() => session.putFile(bytes));
        expect(put.result.status).toBe(200);
        const get = await shimGrowthDuring(() => session.getFile());
        expect(get.result.status).toBe(200);
        expect(get.result.body.length).toBe(LARGE);
        expect(sha256(get.result.body)).toBe(sha256(bytes));
        const sidecar = sidecarMemory();
        expect(sidecar.pid).toBe(sidecarPid);
        console.log(`200 MiB on ${storageDriver()}: shim idle ${(put.idle / MiB).toFixed(1)} MiB, peak growth PutFile ${(put.growth / MiB).toFixed(1)} MiB, `
            + `GetFile ${(get.growth / MiB).toFixed(1)} MiB; sidecar ${(sidecarIdle / MiB).toFixed(1)} MiB before, peak ${(sidecar.peakRssBytes / MiB).toFixed(1)} MiB`);
        expect(put.growth).toBeLessThanOrEqual(MAX_SHIM_GROWTH);
        expect(get.growth).toBeLessThanOrEqual(MAX_SHIM_GROWTH);
        expect(sidecar.peakRssBytes - sidecarIdle).toBeLessThanOrEqual(MAX_SIDECAR_GROWTH);
        expect((await session.unlock()).status).toBe(200);
    }, 300_000);

    it('refuses to send a revision of another document through this document\'s path', async () => {
        const mine = await openDocument('mine.docx', Buffer.from(`mine ${randomBytes(8).toString('hex')}`));
        const theirBytes = Buffer.from(`theirs ${randomBytes(8).toString('hex')}`);
        const theirs = await openDocument('theirs.docx', theirBytes);
        const docOf = (s: CollaboraSession): string => /\/wopi\/files\/([^/?]+)/.exec(s.url())?.[1] ?? '';
        // The sidecar's test route answers as GetFile does, naming whatever file it is asked to
        // (for a system admin only): the shim is what checks it against the document's record.
        const route = (docId: string, fileId: string): string => `/plugins/${world.pluginId}/api/v1/test/files/${docId}/contents?id=${fileId}`;
        const admin = clientAs('admin');

        const own = await admin.fetch('GET', route(docOf(theirs.session), theirs.fileId));
        expect({status: own.status, body: Buffer.from(await own.arrayBuffer()).toString()}).toEqual({status: 200, body: theirBytes.toString()});
        const crossed = await admin.fetch('GET', route(docOf(mine.session), theirs.fileId));
        const crossedBody = Buffer.from(await crossed.arrayBuffer()).toString();
        expect(crossed.status).toBe(500);
        expect(crossedBody).not.toContain(theirBytes.toString());
    });

    (storageDriver() === 's3' ? it : it.skip)('gives Collabora a failed read, never a complete 200, when S3 stops in the middle of a GetFile', async () => {
        const size = 64 * MiB;
        const {session} = await openDocument('outage.odt', Buffer.from('small original'));
        expect((await session.putFile(randomBytes(size))).status).toBe(200);
        const admin = clientAs('admin');
        const before = await admin.request<{FileSettings: {AmazonS3RequestTimeoutMilliseconds: number}}>('GET', '/api/v4/config');
        const timeout = before.FileSettings.AmazonS3RequestTimeoutMilliseconds;
        // A hung S3 is detected by Mattermost's own request timeout; shortened here (the shim
        // opens its store again on the change; Mattermost's own store keeps its settings).
        await admin.request('PUT', '/api/v4/config/patch', {body: {FileSettings: {AmazonS3RequestTimeoutMilliseconds: 5000}}});
        const motoPid = Number(readFileSync(join(dirname(stackJsonPath()), 's3.pid'), 'utf8').trim());
        let stopped = false;
        try {
            const url = session.url('/contents');
            const target = new URL(url);
            const headers = {Authorization: `Bearer ${session.accessToken}`, ...world.standIn.signer.signRequest({accessToken: session.accessToken, url})};
            const outcome = await new Promise<{status: number; length: string | undefined; received: number; error: string}>((resolve) => {
                let received = 0;
                const req = httpRequest({host: target.hostname, port: target.port, path: url.slice(url.indexOf('/', url.indexOf('//') + 2)), headers}, (res) => {
                    res.on('data', (chunk: Buffer) => {
                        received += chunk.length;
                        if (!stopped && received >= 4 * MiB) {
                            stopped = true;
                            process.kill(motoPid, 'SIGSTOP');
                        }
                    });
                    const done = (error: string) => resolve({status: res.statusCode ?? 0, length: res.headers['content-length'], received, error});
                    res.on('end', () => done(''));
                    res.on('error', (err) => done(err.message || 'error'));
                    res.on('aborted', () => done('aborted'));
                });
                req.on('error', (err) => resolve({status: 0, length: undefined, received, error: err.message}));
                req.end();
            });
            expect(stopped).toBe(true);
            // The headers went out before S3 stopped: a 200 announcing the whole file, then a
            // body that ends short of it with the connection closed, which the client sees as
            // an error.
            expect(outcome.status).toBe(200);
            expect(outcome.length).toBe(String(size));
            expect(outcome.received).toBeLessThan(size);
            expect(outcome.error).not.toBe('');
        } finally {
            if (stopped) {
                process.kill(motoPid, 'SIGCONT');
            }
            await admin.request('PUT', '/api/v4/config/patch', {body: {FileSettings: {AmazonS3RequestTimeoutMilliseconds: timeout}}});
        }
        // S3 back: the same GetFile is whole again.
        const again = await session.getFile();
        expect([again.status, again.body.length]).toEqual([200, size]);
    }, 180_000);
});
