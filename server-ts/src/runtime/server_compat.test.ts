// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {createLogger} from '../logger';
import type {KVSetOptions} from '../mattermost/plugin_api';
import {MemoryPluginApi} from '../testing/memory_plugin_api';

import {Hooks} from './hooks';
import {PluginState} from './plugin_state';
import {checkServerCompat, MIN_SERVER_VERSION, parseVersion, UnsupportedServerError, versionAtLeast} from './server_compat';

// The start-up check against the in-memory Mattermost set to each server version and each KV
// behaviour the check tells apart. The real servers CI runs (oldest and newest) pass it in the
// integration tests (plugin_activation.test.ts).

// A Mattermost whose KV store ignores compare-and-set: every write wins.
class LastWriterWinsKv extends MemoryPluginApi {
    override async kvSetWithOptions(key: string, value: Buffer | null, options: KVSetOptions = {}) {
        return super.kvSetWithOptions(key, value, {expireInSeconds: options.expireInSeconds});
    }
}

// A Mattermost whose compare-and-set refuses every write (as a store that compares the wrong bytes).
class RefusingKv extends MemoryPluginApi {
    override async kvSetWithOptions(key: string, value: Buffer | null, options: KVSetOptions = {}) {
        return options.atomic ? false : super.kvSetWithOptions(key, value, options);
    }
}

const quietLog = () => createLogger(() => undefined);

describe('server compatibility check', () => {
    it('knows the manifest minimum', () => {
        const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'plugin.json'), 'utf8')) as {min_server_version: string};
        expect(MIN_SERVER_VERSION).toBe(manifest.min_server_version);
    });

    it.each([
        ['10.10.0', '10.10.0', true],
        ['10.11.3', '10.10.0', true],
        ['11.4.0', '10.10.0', true],
        ['10.9.9', '10.10.0', false],
        ['10.5.0', '10.10.0', false],
        ['9.11.0', '10.10.0', false],
        ['11.0.0', '11.0.1', false],
    ])('server %s against minimum %s: supported=%s', async (server, min, ok) => {
        const api = new MemoryPluginApi();
        const report = await checkServerCompat(api, server, min);
        expect(report.problems.length === 0).toBe(ok);
        if (!ok) {
            expect(report.problems[0]).toContain(`needs Mattermost ${min} or later`);
        }
    });

    it('compares numerically, not as text', () => {
        expect(versionAtLeast(parseVersion('10.10.0')!, parseVersion('10.9.0')!)).toBe(true);
        expect(parseVersion('11.4.0.dev-9e1d4c2072c0')).toEqual([11, 4, 0]);
        expect(parseVersion('dev')).toBeNull();
    });

    it('refuses a version it cannot read', async () => {
        const report = await checkServerCompat(new MemoryPluginApi(), 'unknown', '10.10.0');
        expect(report.problems[0]).toContain('cannot read');
    });

    it.each([
        ['ignores compare-and-set', LastWriterWinsKv],
        ['refuses every compare-and-set', RefusingKv],
    ])('refuses a KV store that %s', async (_name, Api) => {
        const report = await checkServerCompat(new Api(), '11.4.0', '10.10.0');
        expect(report.problems).toHaveLength(1);
        expect(report.problems[0]).toContain('compare-and-set');
    });

    it('leaves no probe key behind', async () => {
        const api = new MemoryPluginApi();
        await checkServerCompat(api, '11.4.0', '10.10.0');
        expect([...api.kv.keys()]).toEqual([]);
    });
});

describe('activation on an unsupported server', () => {
    it('refuses with the message the System Console shows, and does nothing else', async () => {
        const api = new MemoryPluginApi();
        const state = new PluginState(api, quietLog(), 'test');
        const hooks = new Hooks(state, '10.10.0');
        let ran = false;
        hooks.onActivated(async () => {
            ran = true;
        });
        const err = await hooks.activate('10.5.0').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UnsupportedServerError);
        expect((err as Error).message).toBe('Collabora Online did not start: This Mattermost server runs 10.5.0; the Collabora Online plugin needs Mattermost 10.10.0 or later. Upgrade Mattermost, then enable the plugin again.');
        expect(ran).toBe(false);
        expect(state.compat?.problems).toHaveLength(1);
    });

    it('starts on a supported server and keeps the report for the connection check', async () => {
        const state = new PluginState(new MemoryPluginApi(), quietLog(), 'test');
        const hooks = new Hooks(state, '10.10.0');
        await hooks.activate('10.10.0');
        expect(state.compat).toEqual({serverVersion: '10.10.0', minVersion: '10.10.0', problems: []});
    });
});
