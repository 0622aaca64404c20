// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// 32 editing sessions at once on 32 documents, each saving 20 times, as Collabora does
// (CheckFileInfo, Lock, GetFile, PutFile with the last LastModifiedTime, exit save, Unlock).
// Afterwards every revision of every document is present, in order, and byte for byte what was
// sent (read back through Mattermost's file API), and each post shows the newest revision.

import {randomBytes} from 'node:crypto';

import {clientAs, readStack} from '../stack/stack';

import {ControlledCollabora} from './discovery_control';
import {apiPath, fileBytes, openSession, revisions, sha256, useCollabora} from './stress_stack';
import type {WopiSession} from './wopi_client';

const SESSIONS = Number(process.env.STRESS_SESSIONS ?? 32);
const SAVES = Number(process.env.STRESS_SAVES ?? 20);

describe(`${SESSIONS} concurrent editing sessions`, () => {
    const collabora = new ControlledCollabora();
    const member = clientAs('member');
    const docs: Array<{fileId: string; postId: string}> = [];

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        const channelId = readStack().channels.public.id;
        for (let i = 0; i < SESSIONS; i++) {
            const created = await member.request<{fileId: string; postId: string}>('POST', apiPath('/documents'), {
                body: {channelId, name: `Load ${i + 1}`, kind: (['document', 'spreadsheet', 'presentation'] as const)[i % 3]},
            });
            docs.push(created);
        }
    });

    afterAll(async () => {
        await collabora.close();
    });

    it(`keeps all ${SESSIONS * SAVES} revisions, in order and intact`, async () => {
        const started = Date.now();
        const sent: Buffer[][] = docs.map(() => []);
        const failures: string[] = [];
        await Promise.all(docs.map(async (doc, i) => {
            const session: WopiSession = await openSession(i % 2 === 0 ? 'member' : 'member2', doc.fileId, 'edit', collabora);
            const step = async (what: string, call: () => Promise<{status: number; text: () => string}>): Promise<void> => {
                const res = await call();
                if (res.status !== 200) {
                    failures.push(`doc ${i} ${what}: ${res.status} ${res.text().slice(0, 200)}`);
                    throw new Error('stop this session');
                }
            };
            try {
                await step('CheckFileInfo', () => session.checkFileInfo());
                await step('Lock', () => session.lock());
                await step('GetFile', () => session.getFile());
                for (let n = 0; n < SAVES; n++) {
                    const bytes = Buffer.concat([Buffer.from(`doc ${i} save ${n}\n`), randomBytes(8 * 1024 + Math.floor(Math.random() * 56 * 1024))]);
                    sent[i].push(bytes);
                    await step(`PutFile ${n}`, () => session.putFile(bytes, {exit: n === SAVES - 1}));
                }
                await step('Unlock', () => session.unlock());
            } catch {
                // Recorded in failures.
            }
        }));
        const seconds = (Date.now() - started) / 1000;
        console.log(`${SESSIONS} sessions x ${SAVES} saves: ${SESSIONS * SAVES} PutFiles in ${seconds.toFixed(1)} s (${((SESSIONS * SAVES) / seconds).toFixed(1)}/s)`);
        expect(failures).toEqual([]);

        for (const [i, doc] of docs.entries()) {
            const revs = await revisions(doc.fileId, member);
            // Newest first: the 20 saves, then the blank document it started from.
            expect(revs).toHaveLength(SAVES + 1);
            const saved = revs.slice(0, SAVES).reverse();
            const hashes = await Promise.all(saved.map(async (r) => sha256(await fileBytes(r.fileId))));
            expect({doc: i, hashes}).toEqual({doc: i, hashes: sent[i].map(sha256)});
            expect(revs[0].current).toBe(true);
            for (let k = 1; k < saved.length; k++) {
                expect(saved[k].createdAt).toBeGreaterThanOrEqual(saved[k - 1].createdAt);
            }
            // The session ended: the post shows the newest revision.
            const post = await member.request<{file_ids: string[]}>('GET', `/api/v4/posts/${doc.postId}`);
            expect(post.file_ids).toEqual([revs[0].fileId]);
        }
    });
});
