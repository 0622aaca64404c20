// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Collabora's discovery goes away (connection refused) or answers garbage. The plugin stays
// active, open editing sessions keep saving (their proof keys are cached), new opens get a
// clear error once the plugin has noticed, and it recovers by itself when discovery is back.
//
// The plugin fetches discovery hourly and at once when a proof fails to verify; the test uses
// the second (one request signed with a wrong key) rather than waiting an hour. Both go through
// the same fetch.

import {randomBytes} from 'node:crypto';

import {waitFor} from '../stack/mm_client';
import {PluginState, pluginStatus} from '../stack/plugin_admin';
import {clientAs, readStack} from '../stack/stack';

import {ControlledCollabora, type DiscoveryMode} from './discovery_control';
import {fileId, openFile, openSession, pluginId, sha256, sidecarPid, snapshot, useCollabora} from './stress_stack';
import {queryFor, signedCall, wopiPath, type WopiSession} from './wopi_client';

describe('Collabora discovery outage', () => {
    const collabora = new ControlledCollabora();
    let session: WopiSession;
    let id: string;

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        id = fileId('readonly/sample.pptx');
        session = await openSession('member', id, 'edit', collabora);
        expect((await session.checkFileInfo()).status).toBe(200);
        expect((await session.lock()).status).toBe(200);
    });

    afterAll(async () => {
        await collabora.setMode('up');
        await session.unlock().catch(() => undefined);
        await collabora.close();
    });

    async function saveWorks(): Promise<void> {
        const bytes = randomBytes(32 * 1024);
        const res = await session.putFile(bytes);
        expect(res.status).toBe(200);
        expect((await snapshot(id)).sha256).toBe(sha256(bytes));
    }

    // A request signed with a key Collabora never published: refused (500, as the spec asks),
    // and it makes the plugin fetch discovery again.
    async function badlySignedRequest(): Promise<number> {
        const path = `${wopiPath(pluginId(), session.docId)}?${queryFor(session.token, session.ttl)}`;
        return (await signedCall(session.target, 'GET', path, session.token, {}, undefined, 'wrong')).status;
    }

    it.each<DiscoveryMode>(['down', 'garbage'])('keeps saving, refuses new opens clearly and recovers by itself when discovery is %s', async (mode) => {
        const pid = sidecarPid();
        await saveWorks();
        await collabora.setMode(mode);
        const fetchesBefore = collabora.discoveryRequests;

        // Until the plugin notices, opens still work from the cache; once it has, they are
        // refused with Collabora named as the reason.
        const refused = await waitFor('new opens to be refused', async () => {
            expect(await badlySignedRequest()).toBe(500);
            const opened = await openFile('member2', id, 'edit');
            return opened.status === 503 ? opened.body : undefined;
        }, 60_000, 2_000);
        expect(refused.code).toBe('COLLABORA_UNAVAILABLE');
        const discoveryUrl = `${collabora.url}/hosting/discovery`;
        expect(refused.error).toContain(mode === 'down' ? `discovery could not be fetched from ${discoveryUrl}` : `discovery at ${discoveryUrl} is not usable`);
        if (mode === 'garbage') {
            expect(collabora.discoveryRequests).toBeGreaterThan(fetchesBefore);
        }

        // The open session keeps saving, the plugin stays up and answers its clients.
        await saveWorks();
        await saveWorks();
        expect(await pluginStatus(clientAs('admin'), pluginId())).toMatchObject({state: PluginState.Running});
        const config = await clientAs('member').request<{error?: string; formats: Record<string, unknown>}>('GET', `/plugins/${pluginId()}/api/v1/client_config`);
        expect(config.error).toMatch(/discovery/);

        // Discovery is back: without anyone doing anything, opens work again within the
        // plugin's retry interval (30 s).
        await collabora.setMode('up');
        const back = Date.now();
        await waitFor('new opens to work again', async () => ((await openFile('member2', id, 'edit')).status === 200 ? true : undefined), 45_000, 1_000);
        console.log(`discovery ${mode}: noticed, saves kept working, recovered ${((Date.now() - back) / 1000).toFixed(1)} s after discovery came back`);
        await saveWorks();
        expect(sidecarPid()).toBe(pid);
        expect(readStack().url).toBeTruthy();
    });
});
