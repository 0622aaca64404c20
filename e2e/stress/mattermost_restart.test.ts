// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Mattermost restarts in the middle of an editing session (PostgreSQL and the files stay): the
// lock and the access token survive (both live in the KV store, not in the plugin's memory), and
// the session saves afterwards with what Collabora still holds: the same token, lock id and
// LastModifiedTime.

import {randomBytes} from 'node:crypto';

import {clientAs} from '../stack/stack';

import {ControlledCollabora} from './discovery_control';
import {apiPath, fileId, openSession, sha256, sidecarPid, snapshot, useCollabora} from './stress_stack';
import {restartMattermost} from './stack_processes';
import type {WopiSession} from './wopi_client';

describe('Mattermost restart during an editing session', () => {
    const collabora = new ControlledCollabora();
    let session: WopiSession;
    let id: string;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        id = fileId('public/sample.xlsx');
        session = await openSession('member', id, 'edit', collabora);
        expect((await session.checkFileInfo()).status).toBe(200);
        expect((await session.lock()).status).toBe(200);
    });

    afterAll(async () => {
        await session.unlock().catch(() => undefined);
        await collabora.close();
    });

    it('keeps the lock and the token, and saves afterwards', async () => {
        const before = randomBytes(48 * 1024);
        expect((await session.putFile(before)).status).toBe(200);
        const stamp = session.lastModifiedTime;
        const oldPid = sidecarPid();

        const {downMs} = await restartMattermost();
        console.log(`Mattermost restarted; the plugin answered again after ${(downMs / 1000).toFixed(1)} s`);
        expect(sidecarPid()).not.toBe(oldPid);

        expect((await snapshot(id)).sha256).toBe(sha256(before));
        expect((await session.getLock()).headers['x-wopi-lock']).toBe(session.lockId);
        const info = await session.checkFileInfo();
        expect(info.status).toBe(200);
        expect(info.json()).toMatchObject({UserCanWrite: true, LastModifiedTime: stamp});

        const after = randomBytes(48 * 1024);
        expect((await session.putFile(after)).status).toBe(200);
        expect((await snapshot(id)).sha256).toBe(sha256(after));
        // Another user cannot take the document meanwhile: the lock is still there.
        const other = await openSession('member2', id, 'edit', collabora);
        expect((await other.lock()).status).toBe(409);
        // The users' Mattermost sessions survived too (they live in the database).
        expect((await clientAs('member').fetch('GET', apiPath(`/files/${id}/rights`))).status).toBe(200);
    });
});
