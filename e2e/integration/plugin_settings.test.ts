// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Plugin settings saved through Mattermost's config API (what the System Console does) reach
// the running sidecar: Mattermost → OnConfigurationChange → shim → Node.

import {getHealth, waitForHealth} from '../stack/plugin_health';
import {setPluginSettings} from '../stack/plugin_settings';
import {anonymousClient, clientAs, requirePlugin} from '../stack/stack';

describe('plugin settings reach the sidecar', () => {
    const pluginId = requirePlugin().id;
    const admin = clientAs('admin');
    const anonymous = anonymousClient();

    async function currentHash(): Promise<string> {
        const answer = await getHealth(anonymous, pluginId);
        expect(answer.status).toBe(200);
        return answer.body!.settings_hash;
    }

    afterAll(async () => {
        await setPluginSettings(admin, pluginId, {WatermarkText: ''});
    });

    it('changes the settings digest when a setting changes, and restores it when the change is undone', async () => {
        await setPluginSettings(admin, pluginId, {WatermarkText: ''});
        const before = await waitForHealth(anonymous, pluginId, 10_000).then((h) => h.settings_hash);

        await setPluginSettings(admin, pluginId, {WatermarkText: `confidential ${Date.now()}`});
        const changed = await waitForHealth(anonymous, pluginId, 10_000, (h) => h.settings_hash !== before);
        expect(changed.settings_hash).not.toBe(before);

        await setPluginSettings(admin, pluginId, {WatermarkText: ''});
        const restored = await waitForHealth(anonymous, pluginId, 10_000, (h) => h.settings_hash === before);
        expect(restored.settings_hash).toBe(before);
    });

    it('keeps the digest when only other Mattermost settings change', async () => {
        const before = await currentHash();
        const config = await admin.request<{TeamSettings: {SiteName: string}}>('GET', '/api/v4/config');
        const siteName = config.TeamSettings.SiteName;
        config.TeamSettings.SiteName = `Collabora test ${Date.now() % 1000}`;
        await admin.request('PUT', '/api/v4/config', {body: config});
        try {
            // The hook fires for any config change; give the sidecar time to (wrongly) react.
            await new Promise((resolve) => setTimeout(resolve, 1000));
            expect(await currentHash()).toBe(before);
        } finally {
            const again = await admin.request<{TeamSettings: {SiteName: string}}>('GET', '/api/v4/config');
            again.TeamSettings.SiteName = siteName;
            await admin.request('PUT', '/api/v4/config', {body: again});
        }
    });
});
