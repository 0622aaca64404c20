// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import type {PluginApi} from '../mattermost/plugin_api';

// What the plugin needs from the Mattermost it runs on, checked at every activation: on a server
// that lacks it the plugin refuses to start, with a message Mattermost shows in the System
// Console, instead of losing a save later. Mattermost enforces min_server_version on upload;
// this check also covers a bundle put in place by hand and a server that changed since.

declare const PLUGIN_MIN_SERVER_VERSION: string;

// The manifest's min_server_version (build.mjs defines it; jest.config.js too).
export const MIN_SERVER_VERSION = typeof PLUGIN_MIN_SERVER_VERSION === 'string' ? PLUGIN_MIN_SERVER_VERSION : '';

export interface CompatReport {
    serverVersion: string;
    minVersion: string;
    // Empty when the server is supported; otherwise sentences for the admin.
    problems: string[];
}

// "11.4.0" -> [11, 4, 0]; null when it does not start with three numbers.
export function parseVersion(v: string): [number, number, number] | null {
    const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

export function versionAtLeast(have: [number, number, number], want: [number, number, number]): boolean {
    for (let i = 0; i < 3; i++) {
        if (have[i] !== want[i]) {
            return have[i] > want[i];
        }
    }
    return true;
}

// The WOPI locks and the document records rely on the KV store's compare-and-set: an insert only
// when absent, a write only over the expected value. Probed on a short-lived key of its own.
export async function kvCompareAndSetWorks(api: PluginApi): Promise<boolean> {
    const key = `compat_probe_${randomBytes(8).toString('hex')}`;
    const b = (s: string): Buffer => Buffer.from(s);
    try {
        const steps = [
            await api.kvSetWithOptions(key, b('a'), {atomic: {oldValue: null}, expireInSeconds: 60}) === true,
            await api.kvSetWithOptions(key, b('b'), {atomic: {oldValue: null}, expireInSeconds: 60}) === false,
            await api.kvSetWithOptions(key, b('c'), {atomic: {oldValue: b('x')}, expireInSeconds: 60}) === false,
            await api.kvSetWithOptions(key, b('d'), {atomic: {oldValue: b('a')}, expireInSeconds: 60}) === true,
            (await api.kvGet(key))?.toString() === 'd',
        ];
        return steps.every(Boolean);
    } finally {
        await api.kvDelete(key).catch(() => undefined);
    }
}

export async function checkServerCompat(api: PluginApi, serverVersion: string, minVersion: string): Promise<CompatReport> {
    const report: CompatReport = {serverVersion, minVersion, problems: []};
    const have = parseVersion(serverVersion);
    const want = parseVersion(minVersion);
    if (!want) {
        report.problems.push(`The plugin bundle names no valid minimum Mattermost version ("${minVersion}"): upload an official bundle.`);
        return report;
    }
    if (!have) {
        report.problems.push(`Mattermost reports a version the plugin cannot read ("${serverVersion}"); it needs Mattermost ${minVersion} or later.`);
        return report;
    }
    if (!versionAtLeast(have, want)) {
        report.problems.push(`This Mattermost server runs ${serverVersion}; the Collabora Online plugin needs Mattermost ${minVersion} or later. Upgrade Mattermost, then enable the plugin again.`);
        return report;
    }
    if (!(await kvCompareAndSetWorks(api))) {
        report.problems.push(`Mattermost ${serverVersion} does not honour compare-and-set in the plugin key-value store, which document locks rely on: two editors could overwrite each other. Report this server version to the plugin's maintainers.`);
    }
    return report;
}

// Thrown by activation on an unsupported server; its message is what the System Console shows.
export class UnsupportedServerError extends Error {
    constructor(readonly report: CompatReport) {
        super(`Collabora Online did not start: ${report.problems.join(' ')}`);
        this.name = 'UnsupportedServerError';
    }
}
