// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Every WOPI header is untrusted input: parsers return a value or an error, never throw
// (style.md "Errors"). The WOPI route maps the codes to statuses in one place:
// WOPI_HEADER_MISSING / WOPI_HEADER_INVALID -> 400, WOPI_OVERRIDE_UNKNOWN -> 501.

export type HeaderErrorCode = 'WOPI_HEADER_MISSING' | 'WOPI_HEADER_INVALID' | 'WOPI_OVERRIDE_UNKNOWN';

export type HeaderError = {code: HeaderErrorCode; header: string; message: string};

export type HeaderResult<T> = {ok: true; value: T} | {ok: false; error: HeaderError};

// What Node's IncomingHttpHeaders hands us for one header name.
export type RawHeader = string | string[] | undefined;

export function ok<T>(value: T): HeaderResult<T> {
    return {ok: true, value};
}

export function fail<T>(code: HeaderErrorCode, header: string, message: string): HeaderResult<T> {
    return {ok: false, error: {code, header, message}};
}

// One value or null when absent. A header sent twice as separate fields is refused: WOPI
// headers are single-valued, and picking one would be a guess.
export function single(raw: RawHeader, header: string): HeaderResult<string | null> {
    if (raw === undefined) {
        return ok(null);
    }
    if (Array.isArray(raw)) {
        if (raw.length === 1) {
            return ok(raw[0]);
        }
        return raw.length === 0 ? ok(null) : fail('WOPI_HEADER_INVALID', header, `${header} was sent more than once`);
    }
    return ok(raw);
}
