// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {WopiHarness} from '../testing/wopi_harness';

describe('Locks', () => {
    let h: WopiHarness;
    let docId: string;
    let token: string;
    let owner: ReturnType<WopiHarness['addUser']>;
    const op = (override: string, headers: Record<string, string> = {}, t = token) => h.wopi('POST', docId, t, {headers: {'x-wopi-override': override, ...headers}});

    beforeEach(async () => {
        h = await WopiHarness.start();
        owner = h.addUser('ana');
        docId = await h.postDocument(owner, 'sheet.xlsx', Buffer.from('cells'));
        token = await h.token(owner, docId, 'edit');
    });
    afterEach(() => h.stop());

    it('locks, refreshes by locking again, reports and unlocks', async () => {
        expect((await op('LOCK', {'x-wopi-lock': 'A'})).statusCode).toBe(200);
        expect((await op('LOCK', {'x-wopi-lock': 'A'})).statusCode).toBe(200);
        const get = await op('GET_LOCK');
        expect(get.statusCode).toBe(200);
        expect(get.headers['x-wopi-lock']).toBe('A');
        expect((await op('REFRESH_LOCK', {'x-wopi-lock': 'A'})).statusCode).toBe(200);
        expect((await op('UNLOCK', {'x-wopi-lock': 'A'})).statusCode).toBe(200);
        expect((await op('GET_LOCK')).headers['x-wopi-lock']).toBe('');
    });

    it('answers 409 with the current lock to a different lock id', async () => {
        await op('LOCK', {'x-wopi-lock': 'A'});
        for (const o of ['LOCK', 'UNLOCK', 'REFRESH_LOCK']) {
            const res = await op(o, {'x-wopi-lock': 'B'});
            expect([o, res.statusCode, res.headers['x-wopi-lock']]).toEqual([o, 409, 'A']);
        }
    });

    it('answers 409 with an empty lock to unlock or refresh an unlocked document', async () => {
        for (const o of ['UNLOCK', 'REFRESH_LOCK']) {
            const res = await op(o, {'x-wopi-lock': 'A'});
            expect([o, res.statusCode, res.headers['x-wopi-lock']]).toEqual([o, 409, '']);
        }
    });

    it('does UnlockAndRelock only from the current lock', async () => {
        await op('LOCK', {'x-wopi-lock': 'A'});
        const wrong = await op('LOCK', {'x-wopi-lock': 'C', 'x-wopi-oldlock': 'B'});
        expect([wrong.statusCode, wrong.headers['x-wopi-lock']]).toEqual([409, 'A']);
        expect((await op('LOCK', {'x-wopi-lock': 'C', 'x-wopi-oldlock': 'A'})).statusCode).toBe(200);
        expect((await op('GET_LOCK')).headers['x-wopi-lock']).toBe('C');
    });

    it('expires a lock after 30 minutes', async () => {
        await op('LOCK', {'x-wopi-lock': 'A'});
        h.clock += 30 * 60 * 1000 + 1;
        expect((await op('GET_LOCK')).headers['x-wopi-lock']).toBe('');
        expect((await op('LOCK', {'x-wopi-lock': 'B'})).statusCode).toBe(200);
    });

    it('accepts lock ids of 1024 characters and refuses longer ones', async () => {
        expect((await op('LOCK', {'x-wopi-lock': 'x'.repeat(1024)})).statusCode).toBe(200);
        expect((await op('LOCK', {'x-wopi-lock': 'y'.repeat(1025)})).statusCode).toBe(400);
    });

    it('refuses a lock without an id with 400, and an unknown override with 501', async () => {
        expect((await op('LOCK')).statusCode).toBe(400);
        expect((await op('FROBNICATE')).statusCode).toBe(501);
        expect((await op('DELETE')).statusCode).toBe(501);
    });

    it('refuses locking for editing with a view-only token', async () => {
        const viewer = await h.token(owner, docId, 'view');
        expect((await op('LOCK', {'x-wopi-lock': 'A'}, viewer)).statusCode).toBe(403);
        expect((await op('GET_LOCK', {}, viewer)).statusCode).toBe(200);
    });

    it('gives exactly one winner to 20 concurrent locks with different ids', async () => {
        const results = await Promise.all(Array.from({length: 20}, (_, i) => op('LOCK', {'x-wopi-lock': `cool-lock${i}`})));
        const winners = results.filter((r) => r.statusCode === 200);
        expect(winners).toHaveLength(1);
        const current = (await op('GET_LOCK')).headers['x-wopi-lock'];
        for (const loser of results.filter((r) => r.statusCode !== 200)) {
            expect([loser.statusCode, loser.headers['x-wopi-lock']]).toEqual([409, current]);
        }
    });
});
