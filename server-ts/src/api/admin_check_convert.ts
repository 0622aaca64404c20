// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {Readable} from 'node:stream';

import {ConversionError, convertDocument, convertToUrl} from '../collabora/convert_to';
import type {Settings} from '../config/settings';

import type {CheckResult} from './admin_check_result';

// "Send as PDF to the thread" needs Collabora's conversion API, which Collabora opens only to
// the addresses in coolwsd.xml's net.post_allow (COOL: wsd/ClientRequestDispatcher.cpp,
// allowConvertTo). The check converts a one-line text document, as an export would.

export const CONVERT_TITLE = 'PDF export (conversion API)';
const TIMEOUT_MS = 20_000;
const SAMPLE = Buffer.from('Collabora Online for Mattermost: connection check.\n');

const POST_ALLOW_FIX = 'In Collabora Online\'s coolwsd.xml, add the address Collabora sees for the Mattermost server to net.post_allow as a regular expression (for example <host desc="Mattermost">192\\.0\\.2\\.10</host>; with the Docker image, mount your coolwsd.xml or set it through extra_params=--o:net.post_allow.host[0]=...) and restart Collabora Online.';

export async function convertResult(settings: Settings): Promise<CheckResult> {
    const base = settings.collaboraInternalUrl || settings.collaboraUrl;
    if (!base) {
        return {id: 'convert', ok: false, title: CONVERT_TITLE, detail: 'Not checked: the Collabora Online URL is not set.', fix: 'Set the Collabora Online URL first.'};
    }
    const url = convertToUrl(base, 'pdf');
    const dir = await mkdtemp(path.join(tmpdir(), 'collabora-check-'));
    const started = performance.now();
    try {
        const {size} = await convertDocument({
            baseUrl: base, skipTlsVerify: settings.skipTlsVerify, format: 'pdf', fileName: 'connection-check.txt',
            size: SAMPLE.length, body: Readable.from([SAMPLE]), destination: path.join(dir, 'check.pdf'), maxBytes: 10 * 1024 * 1024, timeoutMs: TIMEOUT_MS,
        });
        const ms = Math.round(performance.now() - started);
        return {id: 'convert', ok: true, title: CONVERT_TITLE, detail: `Collabora Online converted a test document to PDF (${size} bytes) in ${ms} ms at ${url}: "Send as PDF to the thread" works.`};
    } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const consequence = ' Until this passes, "Send as PDF to the thread" fails.';
        if (err instanceof ConversionError && err.code === 'CONVERSION_NOT_ALLOWED') {
            return {id: 'convert', ok: false, title: CONVERT_TITLE, detail: `Collabora Online refused the conversion at ${url} (HTTP 403): the Mattermost server's address is not in Collabora's net.post_allow list.${consequence}`, fix: POST_ALLOW_FIX};
        }
        if (err instanceof ConversionError && err.code === 'COLLABORA_UNREACHABLE') {
            return {id: 'convert', ok: false, title: CONVERT_TITLE, detail: `${message}${consequence}`, fix: 'Make sure the Mattermost server reaches Collabora Online at this address and that your proxy forwards /cool/convert-to to it.'};
        }
        return {id: 'convert', ok: false, title: CONVERT_TITLE, detail: `The test conversion at ${url} failed: ${message}${consequence}`, fix: 'Check Collabora Online\'s log for the failed conversion, and that your proxy forwards POST /cool/convert-to with its body.'};
    } finally {
        await rm(dir, {recursive: true, force: true});
    }
}
