// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Mattermost restarts in the middle of an editing session (PostgreSQL and the files stay): the
// lock and the access token survive (both live in the KV store, not in the plugin's memory), and
// the session saves afterwards with what Collabora still holds: the same token, lock id and
// LastModifiedTime.

import {randomBytes} from 'node:crypto';

import {clientAs} from '../stack/stack';

import {apiPath, openSession, sha256, sidecarPid, snapshot} from './stress_stack';
import {useLockedSession} from './locked_session';
import {restartMattermost} from './stack_processes';

describe('Mattermost restart during an editing session', () => {
    const s = useLockedSession('member', 'public/sample.xlsx');

    it('keeps the lock and the token, and saves afterwards', async () => {
        const before = randomBytes(48 * 1024);
        expect((await s.session.putFile(before)).status).toBe(200);
        const stamp = s.session.lastModifiedTime;
        const oldPid = sidecarPid();

        const {downMs} = await restartMattermost();
        console.log(`Mattermost restarted; the plugin answered again after ${(downMs / 1000).toFixed(1)} s`);
        expect(sidecarPid()).not.toBe(oldPid);

        expect((await snapshot(s.id)).sha256).toBe(sha256(before));
        expect((await s.session.getLock()).headers['x-wopi-lock']).toBe(s.session.lockId);
        const info = await s.session.checkFileInfo();
        expect(info.status).toBe(200);
        expect(info.json()).toMatchObject({UserCanWrite: true, LastModifiedTime: stamp});

        const after = randomBytes(48 * 1024);
        expect((await s.session.putFile(after)).status).toBe(200);
        expect((await snapshot(s.id)).sha256).toBe(sha256(after));
        // Another user cannot take the document meanwhile: the lock is still there.
        const other = await openSession('member2', s.id, 'edit', s.collabora);
        expect((await other.lock()).status).toBe(409);
        // The users' Mattermost sessions survived too (they live in the database).
        expect((await clientAs('member').fetch('GET', apiPath(`/files/${s.id}/rights`))).status).toBe(200);
    });
});
