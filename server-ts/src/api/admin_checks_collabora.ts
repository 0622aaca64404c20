// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {performance} from 'node:perf_hooks';

import {parseCapabilities} from '../collabora/capabilities_parser';
import {MAX_DISCOVERY_BYTES, parseDiscovery} from '../collabora/discovery_parser';
import {discoveryUrl} from '../collabora/discovery_service';
import type {Discovery} from '../collabora/discovery_types';
import {fetchText} from '../collabora/http_fetch';
import {importProofKeys} from '../collabora/proof_keys';
import type {Settings} from '../config/settings';

import {DISCOVERY_HOST_TITLE, discoveryHostResult} from './admin_check_discovery_host';
import type {CheckResult} from './admin_check_result';
import {formatsOf} from './format_support';

// The checks that ask Collabora Online itself, fetched now (not from the cache) so an admin who
// just fixed a setting sees the effect at once.

const TIMEOUT_MS = 10_000;
// Proof timestamps are checked against our clock (20 minutes back, 5 ahead); beyond a minute
// of skew, something is wrong with time sync long before proofs start failing.
export const MAX_CLOCK_SKEW_MS = 60_000;
const SETTINGS_PATH = 'System Console > Plugins > Collabora Online';

interface DiscoveryProbe {
    url: string;
    ms: number;
    discovery: Discovery | null;
    error: string | null;
    // Collabora's Date header and the midpoint of our request, for the clock comparison.
    serverDate: number | null;
    ourTime: number;
}

async function probeDiscovery(settings: Settings, now: () => number): Promise<DiscoveryProbe> {
    const url = discoveryUrl(settings);
    const started = performance.now();
    const sentAt = now();
    const done = (fields: Partial<DiscoveryProbe>): DiscoveryProbe => ({
        url, ms: Math.round(performance.now() - started), discovery: null, error: null, serverDate: null, ourTime: (sentAt + now()) / 2, ...fields,
    });
    try {
        const res = await fetchText(url, {skipTlsVerify: settings.skipTlsVerify, timeoutMs: TIMEOUT_MS, maxBytes: MAX_DISCOVERY_BYTES});
        const date = res.headers.date ? Date.parse(res.headers.date) : NaN;
        const serverDate = Number.isNaN(date) ? null : date;
        if (res.status !== 200) {
            return done({error: `it answered HTTP ${res.status}`, serverDate});
        }
        const parsed = parseDiscovery(res.body);
        return parsed.ok ? done({discovery: parsed.discovery, serverDate}) : done({error: parsed.error, serverDate});
    } catch (err) {
        return done({error: err instanceof Error ? err.message : String(err)});
    }
}

const skipped = (id: string, title: string): CheckResult => ({id, ok: false, title, detail: 'Not checked: the discovery check failed.', fix: 'Fix the discovery check first.'});

function discoveryResult(settings: Settings, probe: DiscoveryProbe): CheckResult {
    const title = 'Collabora Online answers';
    if (probe.discovery) {
        return {id: 'discovery', ok: true, title, detail: `Discovery fetched from ${probe.url} in ${probe.ms} ms.`};
    }
    const tlsProblem = /certificate|self[- ]signed|SSL|TLS/i.test(probe.error ?? '');
    const fix = tlsProblem && !settings.skipTlsVerify
        ? 'Give Collabora Online a certificate the Mattermost server trusts (or, for a test server only, turn on "Skip TLS verification").'
        : `Check that Collabora Online is running and that the Mattermost server can reach ${probe.url} (firewall, DNS, proxy). If Mattermost must use another address than browsers, set the internal Collabora Online URL in ${SETTINGS_PATH}.`;
    return {id: 'discovery', ok: false, title, detail: `Discovery could not be fetched from ${probe.url} (after ${probe.ms} ms): ${probe.error}.`, fix};
}

async function versionResult(settings: Settings, discovery: Discovery | null): Promise<CheckResult> {
    const title = 'Collabora Online version';
    if (!discovery) {
        return skipped('version', title);
    }
    // Asked on the same base as discovery: the advertised URL is the public one, which the
    // Mattermost server may not reach when an internal URL is set.
    const url = `${settings.collaboraInternalUrl || settings.collaboraUrl}/hosting/capabilities`;
    const fix = 'Make sure your proxy forwards /hosting/capabilities to Collabora Online, or upgrade Collabora Online to a current release.';
    try {
        const res = await fetchText(url, {skipTlsVerify: settings.skipTlsVerify, timeoutMs: TIMEOUT_MS, maxBytes: 256 * 1024});
        const parsed = res.status === 200 ? parseCapabilities(res.body) : null;
        if (!parsed || !parsed.ok || parsed.capabilities.productVersion === null) {
            return {id: 'version', ok: false, title, detail: `${url} did not give a product version (HTTP ${res.status}).`, fix};
        }
        const {productName, productVersion} = parsed.capabilities;
        return {id: 'version', ok: true, title, detail: `${productName ?? 'Collabora Online'} ${productVersion}.`};
    } catch (err) {
        return {id: 'version', ok: false, title, detail: `${url} could not be fetched: ${err instanceof Error ? err.message : String(err)}.`, fix};
    }
}

function formatsResult(discovery: Discovery | null): CheckResult {
    const title = 'File formats';
    if (!discovery) {
        return skipped('formats', title);
    }
    const formats = Object.values(formatsOf(discovery));
    const editable = formats.filter((f) => f.edit).length;
    if (formats.length === 0) {
        return {id: 'formats', ok: false, title, detail: 'Discovery lists no file formats.', fix: 'Check the Collabora Online installation: its discovery should list the office formats.'};
    }
    return {id: 'formats', ok: true, title, detail: `Collabora Online opens ${formats.length} file extensions and edits ${editable} of them.`};
}

function proofKeyResult(settings: Settings, discovery: Discovery | null): CheckResult {
    const title = 'Proof key';
    if (!discovery) {
        return skipped('proof_key', title);
    }
    const imported = discovery.proofKey ? importProofKeys(discovery.proofKey) : null;
    if (imported?.ok) {
        return {id: 'proof_key', ok: true, title, detail: 'Discovery publishes a proof key: every call from Collabora Online is verified.'};
    }
    const detail = imported ? `Discovery publishes a proof key that cannot be used: ${imported.reason}.` : 'Discovery publishes no proof key.';
    const consequence = settings.enforceProofKeys ? ' With "Enforce proof keys" on, every document will fail to open.' : ' Calls to the WOPI host cannot be verified.';
    return {id: 'proof_key', ok: false, title, detail: detail + consequence, fix: 'Generate a proof key on the Collabora Online server (coolconfig generate-proof-key) and restart it.'};
}

function clockResult(probe: DiscoveryProbe): CheckResult {
    const title = 'Clocks agree';
    if (probe.serverDate === null && probe.error !== null) {
        return skipped('clock_skew', title);
    }
    if (probe.serverDate === null) {
        return {id: 'clock_skew', ok: false, title, detail: 'Collabora Online\'s answer had no Date header, so the clocks could not be compared.', fix: 'Fix the discovery check first, and make sure no proxy strips the Date header.'};
    }
    // The Date header has one-second resolution, so a second of difference is noise.
    const skew = probe.serverDate - probe.ourTime;
    const seconds = Math.round(Math.abs(skew) / 1000);
    const direction = skew > 0 ? 'ahead of' : 'behind';
    if (Math.abs(skew) > MAX_CLOCK_SKEW_MS) {
        return {id: 'clock_skew', ok: false, title, detail: `Collabora Online's clock is ${seconds} s ${direction} this server's. Proof timestamps are checked against it, so calls may be refused.`, fix: 'Synchronise the clocks of both servers with NTP (for example chrony or systemd-timesyncd).'};
    }
    return {id: 'clock_skew', ok: true, title, detail: seconds <= 1 ? 'The clocks agree to the second.' : `Collabora Online's clock is ${seconds} s ${direction} this server's.`};
}

export async function collaboraChecks(settings: Settings, now: () => number): Promise<CheckResult[]> {
    const url = discoveryUrl(settings);
    if (!url) {
        const notSet: CheckResult = {id: 'discovery', ok: false, title: 'Collabora Online answers', detail: 'The Collabora Online URL is not set.', fix: `Enter the address of your Collabora Online server in ${SETTINGS_PATH} > Collabora Online URL.`};
        return [notSet, skipped('discovery_host', DISCOVERY_HOST_TITLE), skipped('version', 'Collabora Online version'), skipped('formats', 'File formats'), skipped('proof_key', 'Proof key'), skipped('clock_skew', 'Clocks agree')];
    }
    const probe = await probeDiscovery(settings, now);
    return [
        discoveryResult(settings, probe),
        probe.discovery ? discoveryHostResult(settings, probe.discovery) : skipped('discovery_host', DISCOVERY_HOST_TITLE),
        await versionResult(settings, probe.discovery),
        formatsResult(probe.discovery),
        proofKeyResult(settings, probe.discovery),
        clockResult(probe),
    ];
}
