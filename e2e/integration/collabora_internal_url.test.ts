// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 15 points 3 and 7 through the real stack. Mattermost reaches Collabora at an internal
// address (the stand-in on 127.0.0.1) while browsers use the public one (the same stand-in
// named "localhost"). Like coolwsd, the stand-in writes urlsrc from the Host of the discovery
// request, so the plugin itself must hand browsers the public origin.

import {startCollaboraStandIn, type CollaboraStandIn} from '../collabora';
import {waitFor} from '../stack/mm_client';
import {setPluginSettings} from '../stack/plugin_settings';
import {clientAs, requirePlugin} from '../stack/stack';

import {createChannel, fixture, postAttachment, seededUser, type TestChannel, type TestUser} from './helpers/mm_world';
import {expectedWopiSrc, mustOpen, startWopiWorld, wopiSrcOf, type WopiWorld} from './helpers/wopi_world';

interface CheckResult {
    id: string;
    ok: boolean;
    detail: string;
    fix?: string;
}

// The stand-in's own address under another name: the same server, a different Host.
function publicUrlOf(standIn: CollaboraStandIn, scheme: 'http' | 'https' = 'http'): string {
    return `${scheme}://localhost:${new URL(standIn.url).port}`;
}

// Points the plugin at Collabora as an admin would, and waits until the sidecar has fetched
// discovery from the internal URL.
async function useCollabora(publicUrl: string, internalUrl: string): Promise<void> {
    const admin = clientAs('admin');
    const pluginId = requirePlugin().id;
    await setPluginSettings(admin, pluginId, {CollaboraUrl: publicUrl, CollaboraInternalUrl: internalUrl});
    await waitFor('the sidecar to fetch discovery from the internal URL', async () => {
        const config = await admin.request<{collaboraUrl: string; formats: Record<string, unknown>}>('GET', `/plugins/${pluginId}/api/v1/client_config`);
        return config.collaboraUrl === publicUrl && Object.keys(config.formats).length > 0 ? true : undefined;
    }, 15_000, 200);
}

async function connectionCheck(): Promise<Record<string, CheckResult>> {
    const answer = await clientAs('admin').request<{results: CheckResult[]}>('POST', `/plugins/${requirePlugin().id}/api/v1/admin/check`, {body: {}});
    return Object.fromEntries(answer.results.map((r) => [r.id, r]));
}

describe('Collabora Online reached at an internal URL', () => {
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

    it('hands browsers the public Collabora origin with the path and query discovery gave', async () => {
        const publicUrl = publicUrlOf(world.standIn);
        await useCollabora(publicUrl, world.standIn.url);
        const doc = await postAttachment(member, channel.id, 'sample.docx', fixture('sample.docx'));

        for (const mode of ['edit', 'view'] as const) {
            const opened = await mustOpen(member, doc.fileId, mode);
            const action = new URL(opened.actionUrl);
            expect(action.origin).toBe(publicUrl);
            expect(action.pathname).toBe(`/browser/${world.standIn.versionHash}/cool.html`);
            expect(wopiSrcOf(opened.actionUrl)).toBe(expectedWopiSrc(doc.fileId));
            expect(opened.actionUrl).not.toContain(new URL(world.standIn.url).host);
        }
        // The sidecar really asked the internal address (the only one the stand-in listens on).
        expect(world.standIn.requests.some((r) => r.url === '/hosting/discovery')).toBe(true);
    });

    it('passes the check when discovery names the internal URL, and accepts an http callback on loopback from an https Collabora', async () => {
        // https public URL: never fetched by the server while the internal URL is set.
        await useCollabora(publicUrlOf(world.standIn, 'https'), world.standIn.url);
        const r = await connectionCheck();
        expect(r.discovery.ok).toBe(true);
        expect(r.discovery_host).toMatchObject({ok: true, detail: expect.stringMatching(/internal/)});
        // The stack's Site URL is http://127.0.0.1: a private address Collabora reaches without TLS.
        expect(r.wopi_reachable).toMatchObject({ok: true, detail: expect.stringMatching(/private network/)});
    });

    it('warns when discovery names a host that is neither the public nor the internal one', async () => {
        const named = await startCollaboraStandIn({serverName: 'office.elsewhere.example'});
        try {
            await useCollabora(publicUrlOf(named), named.url);
            const r = await connectionCheck();
            expect(r.discovery.ok).toBe(true);
            expect(r.discovery_host).toMatchObject({
                ok: false, detail: expect.stringContaining('office.elsewhere.example'), fix: expect.stringContaining('server_name'),
            });
            // The browser still gets the public origin.
            const doc = await postAttachment(member, channel.id, 'sample.docx', fixture('sample.docx'));
            expect(new URL((await mustOpen(member, doc.fileId, 'edit')).actionUrl).origin).toBe(publicUrlOf(named));
        } finally {
            await useCollabora(world.standIn.url, '');
            await named.close();
        }
    });
});
