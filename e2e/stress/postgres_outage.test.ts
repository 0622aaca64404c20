// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// PostgreSQL goes away for a few seconds. Requests that need it fail cleanly (an answer with a
// message, within a bound; no hang, no crash, nothing half-written) and succeed again once it is
// back, without restarting anything.

import {randomBytes} from 'node:crypto';

import {waitFor} from '../stack/mm_client';

import {ControlledCollabora} from './discovery_control';
import {fileId, openFile, openSession, sha256, sidecarPid, snapshot, useCollabora} from './stress_stack';
import {startPostgres, stopPostgres} from './stack_processes';
import type {WopiSession} from './wopi_client';

const ANSWER_WITHIN_MS = 30_000;

describe('PostgreSQL briefly unavailable', () => {
    const collabora = new ControlledCollabora();
    let session: WopiSession;
    let id: string;
    let pgStopped = false;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        id = fileId('public/sample.pptx');
        session = await openSession('member2', id, 'edit', collabora);
        expect((await session.checkFileInfo()).status).toBe(200);
        expect((await session.lock()).status).toBe(200);
    });

    afterAll(async () => {
        if (pgStopped) {
            startPostgres();
        }
        await session.unlock().catch(() => undefined);
        await collabora.close();
    });

    it('fails cleanly while it is down and works again once it is back', async () => {
        const first = randomBytes(40 * 1024);
        expect((await session.putFile(first)).status).toBe(200);
        const pid = sidecarPid();

        stopPostgres();
        pgStopped = true;
        const during: Array<[string, number, string]> = [];
        try {
            const timed = async (what: string, call: () => Promise<{status: number; text: string}>): Promise<void> => {
                const started = Date.now();
                const res = await call();
                const ms = Date.now() - started;
                during.push([what, res.status, res.text.slice(0, 160)]);
                expect({what, answeredWithin: ms <= ANSWER_WITHIN_MS}).toEqual({what, answeredWithin: true});
            };
            await timed('PutFile', async () => {
                const res = await session.putFile(randomBytes(40 * 1024));
                return {status: res.status, text: res.text()};
            });
            await timed('GetLock', async () => {
                const res = await session.getLock();
                return {status: res.status, text: res.text()};
            });
            await timed('open', async () => {
                const res = await openFile('member', id, 'view');
                return {status: res.status, text: JSON.stringify(res.body)};
            });
        } finally {
            startPostgres();
            pgStopped = false;
        }
        console.log(`while PostgreSQL was down: ${JSON.stringify(during)}`);
        for (const [what, status, text] of during) {
            // Refused, with a message: never a success that could not have been stored.
            expect({what, failed: status >= 400, hasMessage: text.length > 0}).toEqual({what, failed: true, hasMessage: true});
        }

        // Back: the same session saves again (Mattermost reconnects on its own).
        const second = randomBytes(40 * 1024);
        await waitFor('saves to work again', async () => ((await session.putFile(second)).status === 200 ? true : undefined), 60_000, 1_000);
        const stored = await snapshot(id);
        expect(stored.sha256).toBe(sha256(second));
        expect((await session.getLock()).headers['x-wopi-lock']).toBe(session.lockId);
        expect((await openFile('member', id, 'view')).status).toBe(200);
        expect(sidecarPid()).toBe(pid);
    });
});
