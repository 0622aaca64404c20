// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// An admin can switch the plugin off and on again: off means no plugin processes and no plugin
// routes; on means a fresh shim and sidecar that answer again.

import {disablePlugin, enablePlugin, PluginState, waitForPluginState} from '../stack/plugin_admin';
import {getHealth, waitForHealth} from '../stack/plugin_health';
import {waitFor} from '../stack/mm_client';
import {findShims, findSidecars} from '../stack/processes';
import {anonymousClient, clientAs, pluginDir, requirePlugin} from '../stack/stack';

describe('disabling and re-enabling the plugin', () => {
    const pluginId = requirePlugin().id;
    const admin = clientAs('admin');
    const anonymous = anonymousClient();

    afterAll(async () => {
        // Leave the plugin running for the next test file, whatever happened here.
        await enablePlugin(admin, pluginId);
        await waitForPluginState(admin, pluginId, PluginState.Running);
    });

    it('stops the plugin processes and routes when disabled, and starts fresh ones when enabled', async () => {
        await waitForHealth(anonymous, pluginId, 10_000);
        const [oldSidecar] = findSidecars(pluginDir());
        const [oldShim] = findShims(pluginDir());
        expect(oldSidecar).toBeDefined();
        expect(oldShim).toBeDefined();

        await disablePlugin(admin, pluginId);
        await waitForPluginState(admin, pluginId, PluginState.NotRunning, 30_000);
        // Mattermost answers plugin routes of an inactive plugin itself, with 404.
        expect((await getHealth(anonymous, pluginId)).status).toBe(404);
        // Deactivation ends the shim, and the shim ends its sidecar: nothing may linger.
        await waitFor('the plugin processes to exit', async () =>
            (findSidecars(pluginDir()).length === 0 && findShims(pluginDir()).length === 0 ? true : undefined), 10_000);

        const enabledAt = Date.now();
        await enablePlugin(admin, pluginId);
        await waitForPluginState(admin, pluginId, PluginState.Running, 60_000);
        const health = await waitForHealth(anonymous, pluginId, 15_000);
        // A sidecar started after the enable call, not a survivor of the old activation.
        expect(health.uptime).toBeLessThanOrEqual((Date.now() - enabledAt) / 1000 + 0.5);
        const sidecars = findSidecars(pluginDir());
        expect(sidecars).toHaveLength(1);
        expect(sidecars[0].pid).not.toBe(oldSidecar.pid);
        expect(findShims(pluginDir()).map((p) => p.pid)).not.toContain(oldShim.pid);
    });

    it('keeps its settings across a disable and enable', async () => {
        const before = await waitForHealth(anonymous, pluginId, 10_000);
        await disablePlugin(admin, pluginId);
        await waitForPluginState(admin, pluginId, PluginState.NotRunning, 30_000);
        await enablePlugin(admin, pluginId);
        await waitForPluginState(admin, pluginId, PluginState.Running, 60_000);
        const after = await waitForHealth(anonymous, pluginId, 15_000);
        expect(after.settings_hash).toBe(before.settings_hash);
    });
});
