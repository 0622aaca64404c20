// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

// Issue 15.5: a lock left by a crashed Collabora is visible, and people who may choose the
// document's policy may release it.
describe('GET and DELETE /api/v1/files/{fileId}/lock', () => {
    let h: ApiHarness;
    let w: World;
    let docId: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        docId = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
        await h.services.documents.resolve(docId);
    });
    afterEach(async () => h.stop());

    const lockOf = (user: Parameters<ApiHarness['request']>[0]) => h.request(user, 'GET', `/api/v1/files/${docId}/lock`);
    const release = (user: Parameters<ApiHarness['request']>[0]) => h.request(user, 'DELETE', `/api/v1/files/${docId}/lock`);

    it('says nobody holds an unlocked document', async () => {
        const res = await lockOf(w.member);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({locked: false, contested: false, canRelease: false});
    });

    it('names the holder and the time, and says when another session was refused', async () => {
        const since = h.clock;
        await h.services.locks.lock(docId, 'cool-lockA', w.member.id);
        expect(await h.services.locks.lock(docId, 'cool-lockB', w.channelAdmin.id)).toEqual({ok: false, currentLockId: 'cool-lockA'});
        const res = await lockOf(w.owner);
        expect(res.json()).toEqual({locked: true, holderId: w.member.id, holderName: expect.any(String), since, contested: true, canRelease: true});
    });

    it.each(['owner', 'channelAdmin', 'sysadmin'] as const)('lets the %s release it for good', async (who) => {
        await h.services.locks.lock(docId, 'cool-lockA', w.member.id);
        const res = await release(w[who]);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({locked: false});
        expect(await h.services.locks.refresh(docId, 'cool-lockA', w.member.id)).toEqual({ok: false, currentLockId: ''});
    });

    it.each(['member', 'guest'] as const)('refuses the %s with 403 and keeps the lock', async (who) => {
        await h.services.locks.lock(docId, 'cool-lockA', w.member.id);
        const res = await release(w[who]);
        expect([res.statusCode, res.json().code]).toEqual([403, 'LOCK_RELEASE_NOT_ALLOWED']);
        expect(await h.services.locks.current(docId)).toBe('cool-lockA');
    });

    it('answers 404 to someone outside the channel', async () => {
        expect((await lockOf(w.outsider)).statusCode).toBe(404);
        expect((await release(w.outsider)).statusCode).toBe(404);
    });
});
