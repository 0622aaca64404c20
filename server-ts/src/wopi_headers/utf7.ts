// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Strict UTF-7 decoding (RFC 2152). X-WOPI-SuggestedTarget, X-WOPI-RelativeTarget and
// X-WOPI-RequestedName carry UTF-7 (MS WOPI spec; Collabora encodes them with iconv "UTF-7",
// which base64-encodes even optional direct characters such as '%', COOL:wsd/wopi/WopiStorage.cpp).
// Written here rather than taken from npm: the `utf7` package (1.0.2) is unmaintained since
// 2015 and decodes ill-formed input silently, and we must reject it with a clear error.

export type Utf7Result = {ok: true; value: string} | {ok: false; error: string};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Value(ch: string | undefined): number {
    return ch === undefined ? -1 : BASE64.indexOf(ch);
}

function isAllowedDirect(code: number): boolean {
    // RFC 2152 rule 3: printable US-ASCII plus TAB, CR, LF. Decoders accept Set O characters
    // and '\' '~' too, so anything printable except '+' (which starts a shift) is direct.
    return (code >= 0x20 && code <= 0x7e) || code === 0x09 || code === 0x0a || code === 0x0d;
}

function fail(error: string): Utf7Result {
    return {ok: false, error: `invalid UTF-7: ${error}`};
}

export function decodeUtf7(input: string): Utf7Result {
    let out = '';
    let i = 0;
    while (i < input.length) {
        const code = input.charCodeAt(i);
        if (!isAllowedDirect(code)) {
            return fail(`character U+${code.toString(16).padStart(4, '0')} at ${i} cannot appear in UTF-7`);
        }
        if (input[i] !== '+') {
            out += input[i];
            i += 1;
            continue;
        }
        const shiftAt = i;
        i += 1;
        if (input[i] === '-') {
            out += '+';
            i += 1;
            continue;
        }

        let bits = 0;
        let bitCount = 0;
        let digits = 0;
        const units: number[] = [];
        for (let v = base64Value(input[i]); v >= 0; v = base64Value(input[i])) {
            bits = (bits << 6) | v;
            bitCount += 6;
            if (bitCount >= 16) {
                bitCount -= 16;
                units.push((bits >> bitCount) & 0xffff);
                bits &= (1 << bitCount) - 1;
            }
            digits += 1;
            i += 1;
        }
        if (digits === 0) {
            return fail(`'+' at ${shiftAt} is followed by neither base64 nor '-'`);
        }

        // RFC 2152: a shifted run ends on a 16-bit boundary; left-over bits must be fewer than
        // six and zero, otherwise the encoder was broken or the text was cut.
        if (bitCount >= 6 || bits !== 0) {
            return fail(`base64 run at ${shiftAt} does not end on a character boundary`);
        }
        for (let u = 0; u < units.length; u++) {
            const unit = units[u];
            if (unit >= 0xd800 && unit <= 0xdbff) {
                const next = units[u + 1];
                if (next === undefined || next < 0xdc00 || next > 0xdfff) {
                    return fail(`unpaired high surrogate in run at ${shiftAt}`);
                }
                out += String.fromCharCode(unit, next);
                u += 1;
            } else if (unit >= 0xdc00 && unit <= 0xdfff) {
                return fail(`unpaired low surrogate in run at ${shiftAt}`);
            } else {
                out += String.fromCharCode(unit);
            }
        }

        // '-' ends a run and is absorbed; any other non-base64 character ends it and is kept.
        if (input[i] === '-') {
            i += 1;
        }
    }
    return {ok: true, value: out};
}
