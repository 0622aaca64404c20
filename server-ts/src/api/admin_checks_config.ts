// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Settings} from '../config/settings';
import {PLUGIN_ID} from '../wopi/wopi_src';

import {privateNetworkReason} from './admin_check_private_network';
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
    const files = `${base.origin}/plugins/${PLUGIN_ID}/wopi/files/…`;
    if (parse(settings.collaboraUrl)?.protocol === 'https:' && base.protocol !== 'https:') {
        // Only Collabora's server calls this address, never a browser: plain HTTP is fine
        // where it cannot leave a private network.
        const reason = privateNetworkReason(base.hostname);
        if (reason) {
            return {id: 'wopi_reachable', ok: true, title, detail: `Collabora Online will load documents from ${files} over plain HTTP inside a private network (${reason}); browsers never use this address.`};
        }
        return {
            id: 'wopi_reachable', ok: false, title,
            detail: `Collabora Online is served over HTTPS but would fetch documents from ${base.origin} over plain HTTP, and ${base.hostname} is not a private-network address: documents and access tokens could cross the internet unencrypted.`,
            fix: 'Use an https:// Site URL, or set the WOPI base URL to an https:// address of Mattermost, or to a private-network address Collabora Online reaches directly (for example http://mattermost:8065 or http://10.0.0.5:8065).',
        };
    }
    return {id: 'wopi_reachable', ok: true, title, detail: `Collabora Online will load documents from ${files}.`};
}

// Browsers refuse a plain-HTTP frame inside an HTTPS page (mixed content), so the editor would
// stay blank. Loopback gets no exception: not every browser treats http://localhost as secure.
export function mixedContentResult(settings: Settings, siteUrl: string): CheckResult {
    const title = 'Browsers can show the editor';
    const collabora = parse(settings.collaboraUrl);
    if (!collabora) {
        return {id: 'mixed_content', ok: false, title, detail: 'The Collabora Online URL is not set or not a URL.', fix: 'Enter the address of your Collabora Online server in the plugin settings.'};
    }
    const page = parse(siteUrl);
    if (!page) {
        return {id: 'mixed_content', ok: false, title, detail: 'The Site URL is not set, so the page that frames the editor is unknown.', fix: 'Set the Site URL in System Console > Environment > Web Server.'};
    }
    if (page.protocol === 'https:' && collabora.protocol !== 'https:') {
        return {
            id: 'mixed_content', ok: false, title,
            detail: `Mattermost is served over HTTPS (${page.origin}) but the editor would load from ${collabora.origin} over plain HTTP: browsers block that frame as mixed content and the editor stays blank.`,
            fix: 'Serve Collabora Online over HTTPS (for example behind the same reverse proxy as Mattermost) and enter its https:// address as the Collabora Online URL.',
        };
    }
    return {id: 'mixed_content', ok: true, title, detail: `The editor loads from ${collabora.origin} inside pages of ${page.origin}.`};
}
