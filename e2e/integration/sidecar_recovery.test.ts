// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A crashed Node sidecar is the shim's job: it restarts Node quickly, with the current settings,
// while Mattermost keeps the plugin (the same shim process) active. Mattermost's own health
// check only sees the shim and would notice nothing.

import {PluginState, pluginStatus} from '../stack/plugin_admin';
import {waitForHealth} from '../stack/plugin_health';
import {setPluginSettings} from '../stack/plugin_settings';
import {waitFor} from '../stack/mm_client';
import {findShims, findSidecars, isAlive} from '../stack/processes';
import {anonymousClient, clientAs, pluginDir, requirePlugin} from '../stack/stack';

// The brief's bound for the sidecar to answer again after a crash.
const RECOVERY_MS = 10_000;

describe('sidecar crash recovery', () => {
    const pluginId = requirePlugin().id;
    const admin = clientAs('admin');
    const anonymous = anonymousClient();

    afterAll(async () => {
        await setPluginSettings(admin, pluginId, {WatermarkText: ''});
    });

    it('answers again from a new sidecar within 10 s of a kill -9, with the same shim and settings', async () => {
        // A non-default setting, so a restarted sidecar that missed the configuration shows.
        const before = await waitForHealth(anonymous, pluginId, 10_000);
        await setPluginSettings(admin, pluginId, {WatermarkText: `recovery ${Date.now()}`});
        const configured = await waitForHealth(anonymous, pluginId, 10_000, (h) => h.settings_hash !== before.settings_hash);

        const sidecars = findSidecars(pluginDir());
        const shims = findShims(pluginDir());
        expect(sidecars).toHaveLength(1);
        expect(shims).toHaveLength(1);
        const victim = sidecars[0].pid;

        const killedAt = Date.now();
        process.kill(victim, 'SIGKILL');
        await waitFor('the killed sidecar to disappear', async () => (isAlive(victim) ? undefined : true), 5_000, 50);

        const health = await waitForHealth(anonymous, pluginId, RECOVERY_MS,
            (h) => h.uptime <= (Date.now() - killedAt) / 1000 + 0.5);
        const recoveredInMs = Date.now() - killedAt;
        expect(recoveredInMs).toBeLessThanOrEqual(RECOVERY_MS);
        expect(health.settings_hash).toBe(configured.settings_hash);

        const newSidecars = findSidecars(pluginDir());
        expect(newSidecars).toHaveLength(1);
        expect(newSidecars[0].pid).not.toBe(victim);
        // The same shim: the shim recovered Node, Mattermost did not restart the plugin.
        expect(findShims(pluginDir()).map((p) => p.pid)).toEqual([shims[0].pid]);
        expect(await pluginStatus(admin, pluginId)).toMatchObject({state: PluginState.Running});
    });
});
