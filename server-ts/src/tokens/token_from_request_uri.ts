// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Mattermost deletes access_token from the parsed query before a plugin sees the request;
// only the raw request line (RequestURI) still has it (wopi-collabora.md 5.3 and 10,
// MM:plugin_requests.go; collabora-mattermost re-parses RequestURI the same way).

export type TokenFromUriResult =
    | {ok: true; token: string}
    | {ok: false; code: 'TOKEN_MISSING' | 'TOKEN_AMBIGUOUS' | 'TOKEN_MALFORMED'};

// A request line far beyond anything Collabora sends is refused before any splitting work.
export const MAX_REQUEST_URI_LENGTH = 16 * 1024;

function decodeComponent(raw: string): string | null {
    try {
        // '+' is kept literally: Collabora decodes with Poco::URI::decode, which does not turn
        // '+' into a space, and our tokens never contain either.
        return decodeURIComponent(raw);
    } catch {
        return null;
    }
}

export function tokenFromRequestUri(rawRequestUri: string): TokenFromUriResult {
    if (typeof rawRequestUri !== 'string' || rawRequestUri.length > MAX_REQUEST_URI_LENGTH) {
        return {ok: false, code: 'TOKEN_MALFORMED'};
    }
    const queryStart = rawRequestUri.indexOf('?');
    if (queryStart < 0) {
        return {ok: false, code: 'TOKEN_MISSING'};
    }
    let query = rawRequestUri.slice(queryStart + 1);
    const fragment = query.indexOf('#');
    if (fragment >= 0) {
        query = query.slice(0, fragment);
    }

    let found: string | null = null;
    for (const pair of query.split('&')) {
        if (pair === '') {
            continue;
        }
        const eq = pair.indexOf('=');
        const rawName = eq < 0 ? pair : pair.slice(0, eq);

        // Names are compared decoded, like Go's url.ParseQuery that Mattermost uses to strip the
        // parameter: "access%5Ftoken" is the same parameter to both.
        if (decodeComponent(rawName) !== 'access_token') {
            continue;
        }
        const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1));
        if (value === null) {
            return {ok: false, code: 'TOKEN_MALFORMED'};
        }
        if (value === '') {
            continue;
        }

        // Two different tokens in one URL: refuse instead of guessing which one the proof
        // signature or the caller meant.
        if (found !== null && found !== value) {
            return {ok: false, code: 'TOKEN_AMBIGUOUS'};
        }
        found = value;
    }
    return found === null ? {ok: false, code: 'TOKEN_MISSING'} : {ok: true, token: found};
}
