// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A Mattermost older than the manifest's min_server_version does not start the plugin: the
// System Console's plugin list says why, and no plugin process runs or restarts. Played on the
// real server with the real bundle whose manifest asks for a version newer than any server.

import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

import {waitFor} from '../stack/mm_client';
import {enablePlugin, PluginState, pluginStatus, uploadPlugin, waitForPluginState} from '../stack/plugin_admin';
import {findShims, findSidecars} from '../stack/processes';
import {clientAs, pluginDir, requirePlugin} from '../stack/stack';

const FUTURE = '99.0.0';

// The bundle with only min_server_version changed.
function bundleRequiring(bundle: string, version: string, dir: string): string {
    const tree = join(dir, 'tree');
    execFileSync('mkdir', ['-p', tree]);
    execFileSync('tar', ['-xzf', bundle, '-C', tree]);
    const id = requirePlugin().id;
    const manifestPath = join(tree, id, 'plugin.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
    writeFileSync(manifestPath, JSON.stringify({...manifest, min_server_version: version}, null, 4));
    const out = join(dir, `${id}-too-new.tar.gz`);
    execFileSync('tar', ['-czf', out, '-C', tree, id]);
    return out;
}

describe('a server older than min_server_version', () => {
    const plugin = requirePlugin();
    const admin = clientAs('admin');
    const dir = mkdtempSync(join(tmpdir(), 'collabora-min-version-'));

    afterAll(async () => {
        // Put the real bundle back for the next test file, whatever happened here.
        await uploadPlugin(admin, plugin.bundle);
        await enablePlugin(admin, plugin.id);
        await waitForPluginState(admin, plugin.id, PluginState.Running);
        rmSync(dir, {recursive: true, force: true});
    });

    it('refuses to start the plugin, says why, and leaves nothing running', async () => {
        // The running plugin is restarted on upgrade, so the upload itself answers the refusal.
        const upload = await uploadPlugin(admin, bundleRequiring(plugin.bundle, FUTURE, dir)).then(() => 'accepted', (err: unknown) => String(err));
        expect(upload).toContain(`plugin requires Mattermost ${FUTURE}`);
        const status = await waitForPluginState(admin, plugin.id, PluginState.FailedToStart, 30_000);
        expect(status.error).toContain(`plugin requires Mattermost ${FUTURE}`);
        // The replaced version's processes end as it is deactivated; none start after.
        await waitFor('no plugin processes', async () =>
            (findSidecars(pluginDir()).length === 0 && findShims(pluginDir()).length === 0 ? true : undefined), 10_000);
        // No retry: still refused, still nothing running, a while later.
        await new Promise((r) => setTimeout(r, 3000));
        expect((await pluginStatus(admin, plugin.id))?.state).toBe(PluginState.FailedToStart);
        expect(findSidecars(pluginDir()).length + findShims(pluginDir()).length).toBe(0);
    });
});
