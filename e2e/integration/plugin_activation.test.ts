// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The uploaded bundle is a plugin Mattermost accepts and runs: server part and webapp part.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {PluginState, pluginStatus} from '../stack/plugin_admin';
import {clientAs, readStack, requirePlugin} from '../stack/stack';

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'plugin.json'), 'utf8')) as {id: string; version: string; min_server_version: string};

describe('plugin activation', () => {
    const admin = clientAs('admin');

    it('installs the bundle built from this manifest', () => {
        const plugin = requirePlugin();
        expect(plugin.id).toBe(manifest.id);
        expect(plugin.version).toBe(manifest.version);
    });

    it('runs on the server (plugin status Running, no error)', async () => {
        const status = await pluginStatus(admin, manifest.id);
        expect(status).toMatchObject({plugin_id: manifest.id, state: PluginState.Running, version: manifest.version});
        expect(status?.error ?? '').toBe('');
    });

    it('is listed as active with its webapp bundle', async () => {
        const plugins = await admin.request<{active: {id: string}[]; inactive: {id: string}[]}>('GET', '/api/v4/plugins');
        expect(plugins.active.map((p) => p.id)).toContain(manifest.id);
        expect(plugins.inactive.map((p) => p.id)).not.toContain(manifest.id);

        // Any logged-in user's web client loads the webapp part from this list.
        const webapp = await clientAs('member').request<{id: string; webapp: {bundle_path: string}}[]>('GET', '/api/v4/plugins/webapp');
        const entry = webapp.find((p) => p.id === manifest.id);
        expect(entry?.webapp.bundle_path).toMatch(/\.js$/);
        // ... and Mattermost serves that file from its client plugin directory. bundle_path reads
        // "/static/<id>/<file>"; the file itself is served under /static/plugins/<id>/<file>.
        const file = entry!.webapp.bundle_path.split('/').pop();
        const res = await fetch(new URL(`/static/plugins/${manifest.id}/${file}`, readStack().url));
        expect(res.status).toBe(200);
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(0);
    });

    it('is tested on a server that meets its min_server_version', () => {
        // The stack's server must satisfy min_server_version, or the tests prove nothing.
        const [maj, min] = readStack().mattermost.version.split('.').map(Number);
        const [wantMaj, wantMin] = manifest.min_server_version.split('.').map(Number);
        expect(maj * 1000 + min).toBeGreaterThanOrEqual(wantMaj * 1000 + wantMin);
    });

    it('checked at activation the server it runs on, and says so in the connection check', async () => {
        const res = await admin.request<{results: {id: string; ok: boolean; detail: string}[]}>('POST', `/plugins/${manifest.id}/api/v1/admin/check`, {body: {}});
        const server = res.results.find((r) => r.id === 'server');
        const want = `Mattermost ${readStack().mattermost.version} meets the plugin's minimum (${manifest.min_server_version}), and its key-value store honours compare-and-set.`;
        expect(server).toMatchObject({ok: true, detail: want});
    });
});
