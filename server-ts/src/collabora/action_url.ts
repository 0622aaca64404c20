// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The editor URL: urlsrc from discovery + WOPISrc + our parameters (wopi-collabora.md 1.3, 2.2).
// The access token is never part of it: it goes in the form POST (editor_form_fields.ts, 2.1).

export type EditorPermission = 'edit' | 'readonly' | 'view';

export type ActionUrlOptions = {
    urlsrc: string;

    // The Collabora Online URL browsers use (CollaboraUrl): its origin replaces urlsrc's.
    publicCollaboraUrl: string;

    // The canonical WOPISrc of the document (one per document for every user, section 0.1).
    wopiSrc: string;

    // BCP-47 UI language ("en-US", "de").
    lang?: string;

    // Can only reduce rights given by UserCanWrite (COOL:wsd/DocumentBroker.cpp).
    permission?: EditorPermission;
    closeButton?: boolean;
    revisionHistory?: boolean;
};

export type ActionUrlResult = {ok: true; url: string} | {ok: false; error: string};

// Microsoft-style placeholder groups "<name=VALUE&>" (MSDOC discovery.rst). We fill the language
// ones from `lang` and drop every other group: Collabora's urlsrc has none, it ends in '?'.
const PLACEHOLDER = /<([^<>=]+)=([^<>&]+)&?>/g;
const LANGUAGE_PLACEHOLDERS = new Set(['UI_LLCC', 'DC_LLCC']);
const LANG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function fillPlaceholders(urlsrc: string, lang: string | undefined): string {
    return urlsrc.replace(PLACEHOLDER, (_all, name: string, value: string) =>
        (LANGUAGE_PLACEHOLDERS.has(value) && lang !== undefined ? `${name}=${encodeURIComponent(lang)}&` : ''));
}

// Collabora writes urlsrc's origin from the Host of the discovery request unless its
// server_name is set (COOL:wsd/ClientRequestDispatcher.cpp, handleWopiDiscoveryRequest), so
// discovery fetched at the internal URL names an address browsers may not reach. Browsers
// always get the public URL's origin; urlsrc keeps its path (service_root, version hash) and
// query. A string splice, not URL parsing: placeholder groups must survive untouched.
const URL_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;

function withPublicOrigin(urlsrc: string, publicUrl: string): string | null {
    let origin: string;
    try {
        const url = new URL(publicUrl);
        if (url.protocol !== 'https:' && url.protocol !== 'http:') {
            return null;
        }
        origin = url.origin;
    } catch {
        return null;
    }
    const current = URL_ORIGIN.exec(urlsrc);
    return current ? origin + urlsrc.slice(current[0].length) : null;
}

function isWopiSrc(value: string): boolean {
    try {
        const url = new URL(value);

        // A query would be duplicated into every WOPI call and could leak a token into logs.
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.search === '' && url.hash === '';
    } catch {
        return false;
    }
}

export function buildActionUrl(options: ActionUrlOptions): ActionUrlResult {
    if (!isWopiSrc(options.wopiSrc)) {
        return {ok: false, error: 'WOPISrc must be an absolute http(s) URL without query or fragment'};
    }
    if (options.lang !== undefined && !LANG.test(options.lang)) {
        return {ok: false, error: 'lang must be a BCP-47 language tag'};
    }
    const published = fillPlaceholders(options.urlsrc.trim().replace(/\\\./g, '.'), options.lang);
    try {
        const check = new URL(published);
        if (check.protocol !== 'https:' && check.protocol !== 'http:') {
            return {ok: false, error: 'urlsrc must be an http(s) URL'};
        }
    } catch {
        return {ok: false, error: 'urlsrc is not a URL'};
    }
    const base = withPublicOrigin(published, options.publicCollaboraUrl);
    if (base === null) {
        return {ok: false, error: 'the public Collabora Online URL must be an absolute http(s) URL'};
    }

    // WOPISrc must be URI-encoded: debug builds reject it otherwise and proxies mangle it
    // (COOL:wsd/HttpHelper.hpp verifyWOPISrc, section 10 "WOPISrc not encoded").
    const params: Array<[string, string]> = [['WOPISrc', options.wopiSrc]];
    if (options.lang !== undefined && !/[?&]lang=/.test(base)) {
        params.push(['lang', options.lang]);
    }
    if (options.permission !== undefined && options.permission !== 'edit') {
        params.push(['permission', options.permission]);
    }
    if (options.closeButton === true) {
        params.push(['closebutton', '1']);
    }
    if (options.revisionHistory === true) {
        params.push(['revisionhistory', '1']);
    }
    const joiner = !base.includes('?') ? '?' : (base.endsWith('?') || base.endsWith('&') ? '' : '&');
    const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    return {ok: true, url: `${base}${joiner}${query}`};
}
