// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Requests reach the Node sidecar through Mattermost's own plugin route, and the only user
// identity the sidecar sees is the one Mattermost vouches for.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {getHealth} from '../stack/plugin_health';
import {anonymousClient, clientAs, readStack, requirePlugin} from '../stack/stack';

const manifestVersion = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'plugin.json'), 'utf8')) as {version: string}).version;

describe('sidecar health through Mattermost', () => {
    const pluginId = requirePlugin().id;
    const stack = readStack();

    it('answers from the sidecar with its version and uptime', async () => {
        const answer = await getHealth(anonymousClient(), pluginId);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({status: 'ok', version: manifestVersion});
        expect(typeof answer.body?.uptime).toBe('number');
        expect(answer.body!.uptime).toBeGreaterThanOrEqual(0);
        expect(answer.body?.settings_hash).toMatch(/^[0-9a-f]+$/);
    });

    it('carries no user id without a Mattermost session', async () => {
        const answer = await getHealth(anonymousClient(), pluginId);
        expect(answer.status).toBe(200);
        expect(answer.body?.user_id).toBeNull();
    });

    it('carries the session user id with a session', async () => {
        for (const key of ['member', 'admin'] as const) {
            const answer = await getHealth(clientAs(key), pluginId);
            expect(answer.status).toBe(200);
            expect(answer.body?.user_id).toBe(stack.users[key].id);
        }
    });

    it('carries the session user id with cookie authentication', async () => {
        // What the web app sends: the MMAUTHTOKEN cookie, no Authorization header.
        const answer = await getHealth(anonymousClient(), pluginId, {Cookie: `MMAUTHTOKEN=${stack.users.member2.token}`});
        expect(answer.body?.user_id).toBe(stack.users.member2.id);
    });

    it('carries no user id for a token that is not a Mattermost session', async () => {
        // Mattermost passes such requests on unauthenticated (e.g. WOPI calls with their own token).
        const answer = await getHealth(anonymousClient(), pluginId, {Authorization: 'Bearer not-a-session-token'});
        expect(answer.status).toBe(200);
        expect(answer.body?.user_id).toBeNull();
    });

    it('ignores a Mattermost-User-Id header sent by the client', async () => {
        // Mattermost strips it from inbound requests; a forged one must never become the user.
        const forged = stack.users.admin.id;
        const anonymous = await getHealth(anonymousClient(), pluginId, {'Mattermost-User-Id': forged});
        expect(anonymous.body?.user_id).toBeNull();
        const member = await getHealth(clientAs('member'), pluginId, {'Mattermost-User-Id': forged});
        expect(member.body?.user_id).toBe(stack.users.member.id);
    });
});
