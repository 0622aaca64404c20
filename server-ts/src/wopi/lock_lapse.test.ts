// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {WopiHarness} from '../testing/wopi_harness';

// Issue 15.1: Collabora refreshes the lock from the session it prefers (the owner's, even a
// read-only one) and current builds skip the refresh from a read-only session, so the lock can
// lapse while colleagues still edit. The lapsed id takes the document back; nothing else does.
describe('A lock that lapsed while Collabora still edits', () => {
    let h: WopiHarness;
    let docId: string;
    let ownerView: string;
    let editor: string;
    const TTL_MS = 30 * 60 * 1000;
    const op = (override: string, lock: string, t: string) => h.wopi('POST', docId, t, {headers: {'x-wopi-override': override, 'x-wopi-lock': lock}});
    const save = (lock: string, t: string, body = 'edited') => h.wopi('POST', docId, t, {contents: true, body, headers: {'x-wopi-override': 'PUT', 'x-wopi-lock': lock}});

    beforeEach(async () => {
        h = await WopiHarness.start();
        const owner = h.addUser('ana');
        const colleague = h.addUser('ben');
        docId = await h.postDocument(owner, 'plan.odt', Buffer.from('plan'));
        ownerView = await h.token(owner, docId, 'view');
        editor = await h.token(colleague, docId, 'edit');
        expect((await op('LOCK', 'cool-lockA', editor)).statusCode).toBe(200);
    });
    afterEach(() => h.stop());

    it('accepts a same-id refresh and unlock from the owner\'s view session, and nothing else from it', async () => {
        expect((await op('LOCK', 'cool-lockA', ownerView)).statusCode).toBe(200);
        expect((await op('REFRESH_LOCK', 'cool-lockA', ownerView)).statusCode).toBe(200);
        expect((await op('LOCK', 'cool-lockB', ownerView)).statusCode).toBe(403);
        expect((await save('cool-lockA', ownerView)).statusCode).toBe(403);
        expect((await op('UNLOCK', 'cool-lockA', ownerView)).statusCode).toBe(200);
        expect((await op('LOCK', 'cool-lockA', ownerView)).statusCode).toBe(403);
    });

    it('a view session\'s refresh keeps the lock alive past its lifetime', async () => {
        h.clock += TTL_MS - 1000;
        expect((await op('LOCK', 'cool-lockA', ownerView)).statusCode).toBe(200);
        h.clock += TTL_MS - 1000;
        expect((await h.services.locks.current(docId))).toBe('cool-lockA');
    });

    it.each(['PUT', 'LOCK', 'REFRESH_LOCK'])('%s with the lapsed id takes the document back', async (how) => {
        h.clock += TTL_MS + 1;
        expect(await h.services.locks.current(docId)).toBe('');
        const res = how === 'PUT' ? await save('cool-lockA', editor) : await op(how, 'cool-lockA', editor);
        expect(res.statusCode).toBe(200);
        expect(await h.services.locks.current(docId)).toBe('cool-lockA');
        expect((await op('LOCK', 'cool-lockB', editor)).headers['x-wopi-lock']).toBe('cool-lockA');
    });

    it('a lapsed id does not come back once another session took the document', async () => {
        h.clock += TTL_MS + 1;
        expect((await op('LOCK', 'cool-lockB', editor)).statusCode).toBe(200);
        const late = await save('cool-lockA', editor);
        expect([late.statusCode, late.headers['x-wopi-lock']]).toEqual([409, 'cool-lockB']);
        expect((await op('REFRESH_LOCK', 'cool-lockA', editor)).statusCode).toBe(409);
    });

    it('a lapsed id does not come back once a person released the lock', async () => {
        expect((await h.services.locks.release(docId))?.lockId).toBe('cool-lockA');
        const late = await save('cool-lockA', editor);
        expect([late.statusCode, late.headers['x-wopi-lock']]).toEqual([409, '']);
        expect((await op('LOCK', 'cool-lockA', editor)).statusCode).toBe(200);
        expect(await h.services.locks.current(docId)).toBe('cool-lockA');
    });

    it('a lapsed id does not come back after the token lifetime', async () => {
        h.clock += TTL_MS + 10 * 60 * 60 * 1000 + 1;
        const fresh = await h.token(h.addUser('cem'), docId, 'edit');
        expect((await save('cool-lockA', fresh)).statusCode).toBe(409);
    });

    it('an Unlock after the lock lapsed is refused but still ends the session: the post shows the last save', async () => {
        expect((await save('cool-lockA', editor, 'last save')).statusCode).toBe(200);
        h.clock += TTL_MS + 1;
        const res = await op('UNLOCK', 'cool-lockA', editor);
        expect([res.statusCode, res.headers['x-wopi-lock']]).toEqual([409, '']);
        const doc = await h.services.documents.require(docId);
        expect(doc.attachedFileId).toBe(doc.currentFileId);
        expect(h.fileBytes(doc.attachedFileId).toString()).toBe('last save');
    });

    it('marks a lock contested when another lock id is refused', async () => {
        expect((await h.services.locks.state(docId))?.contested).toBe(false);
        expect((await op('LOCK', 'cool-lockB', editor)).statusCode).toBe(409);
        expect(await h.services.locks.state(docId)).toMatchObject({lockId: 'cool-lockA', contested: true});
    });
});
