// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Settings} from '../config/settings';
import {PLUGIN_ID} from '../wopi/wopi_src';

import type {CheckResult} from './admin_check_result';

// The checks that read only our own settings: how Collabora is addressed and how it will call
// us back.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|0\.0\.0\.0)$/i;

function parse(url: string): URL | null {
    try {
        return new URL(url);
    } catch {
        return null;
    }
}

export function tlsResult(settings: Settings): CheckResult {
    const title = 'Encrypted connection';
    const url = parse(settings.collaboraUrl);
    if (!url) {
        return {id: 'tls', ok: false, title, detail: 'The Collabora Online URL is not set or not a URL.', fix: 'Enter the https:// address of your Collabora Online server in the plugin settings.'};
    }
    if (url.protocol !== 'https:') {
        return {id: 'tls', ok: false, title, detail: `Collabora Online is served over plain HTTP (${url.origin}): documents and access tokens cross the network unencrypted.`, fix: 'Serve Collabora Online over HTTPS (for example behind a reverse proxy with a certificate) and update the Collabora Online URL.'};
    }
    if (settings.skipTlsVerify) {
        return {id: 'tls', ok: false, title, detail: 'Collabora Online is served over HTTPS, but certificate verification is turned off: anyone in between could pose as Collabora Online.', fix: 'Give Collabora Online a certificate the Mattermost server trusts, then turn off "Skip TLS verification".'};
    }
    return {id: 'tls', ok: true, title, detail: 'Collabora Online is served over HTTPS and its certificate is verified.'};
}

export function wopiReachableResult(settings: Settings, wopiBaseUrl: string): CheckResult {
    const title = 'Collabora Online can reach Mattermost';
    const setIt = 'Set the Site URL (System Console > Environment > Web Server) to the address of Mattermost, or set the plugin\'s WOPI base URL to the address Collabora Online should use.';
    if (!wopiBaseUrl) {
        return {id: 'wopi_reachable', ok: false, title, detail: 'Neither the Site URL nor the WOPI base URL is set, so Collabora Online does not know where to load documents from.', fix: setIt};
    }
    const base = parse(wopiBaseUrl);
    if (!base || (base.protocol !== 'http:' && base.protocol !== 'https:')) {
        return {id: 'wopi_reachable', ok: false, title, detail: `"${wopiBaseUrl}" is not an http(s) URL.`, fix: setIt};
    }
    const collabora = parse(settings.collaboraInternalUrl || settings.collaboraUrl);
    const collaboraIsLocal = collabora !== null && LOOPBACK.test(collabora.hostname);
    if (LOOPBACK.test(base.hostname) && !collaboraIsLocal) {
        return {
            id: 'wopi_reachable', ok: false, title,
            detail: `Collabora Online would call ${base.origin}, but ${base.hostname} means Collabora's own machine, not Mattermost's.`,
            fix: 'Set the WOPI base URL (or the Site URL) to an address of Mattermost that the Collabora Online server can reach.',
        };
    }
    if (parse(settings.collaboraUrl)?.protocol === 'https:' && base.protocol !== 'https:') {
        return {
            id: 'wopi_reachable', ok: false, title,
            detail: `Collabora Online is served over HTTPS but would fetch documents from ${base.origin} over plain HTTP.`,
            fix: 'Use an https:// Site URL, or set the WOPI base URL to an https:// address of Mattermost.',
        };
    }
    return {id: 'wopi_reachable', ok: true, title, detail: `Collabora Online will load documents from ${base.origin}/plugins/${PLUGIN_ID}/wopi/files/….`};
}
