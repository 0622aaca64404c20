// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {fail, ok, single} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';
import {parseIsoInstant, sameInstant} from './iso_instant';

export const COOL_TIMESTAMP_HEADER = 'X-COOL-WOPI-Timestamp';
export const LOOL_TIMESTAMP_HEADER = 'X-LOOL-WOPI-Timestamp';

const MAX_TIMESTAMP_LENGTH = 64;

// X-COOL-WOPI-Timestamp (or the pre-2021 X-LOOL-WOPI-Timestamp): the LastModifiedTime Collabora
// last got from us. Absent means "forced save" (user chose Overwrite, or the timestamp is unknown
// after a failed upload) and must skip the check (wopi-collabora.md 3.5).
export function parseCoolTimestamp(cool: RawHeader, lool: RawHeader): HeaderResult<string | null> {
    const c = single(cool, COOL_TIMESTAMP_HEADER);
    if (!c.ok) {
        return c;
    }
    const header = c.value !== null ? COOL_TIMESTAMP_HEADER : LOOL_TIMESTAMP_HEADER;
    const l = c.value !== null ? c : single(lool, LOOL_TIMESTAMP_HEADER);
    if (!l.ok || l.value === null) {
        return l;
    }
    const value = l.value.trim();
    if (value === '') {
        return ok(null);
    }
    if (value.length > MAX_TIMESTAMP_LENGTH || parseIsoInstant(value) === null) {
        return fail('WOPI_HEADER_INVALID', header, `${header} is not an ISO 8601 date-time`);
    }
    return ok(value);
}

export type TimestampCheck = 'absent' | 'match' | 'conflict';

// The PutFile conflict check, done before the lock rules; 'conflict' is answered with
// 409 + {"COOLStatusCode":1010} (wopi-collabora.md 3.5).
// Current Collabora echoes our string byte for byte, so equality is the rule. Older builds
// re-format it (Util::getIso8601FracformatTime, six fraction digits), so the same instant
// spelled differently also matches: format drift must never look like a foreign write.
export function checkCoolTimestamp(sent: string | null, storedLastModifiedTime: string): TimestampCheck {
    if (sent === null) {
        return 'absent';
    }
    if (sent === storedLastModifiedTime) {
        return 'match';
    }
    const a = parseIsoInstant(sent);
    const b = parseIsoInstant(storedLastModifiedTime);
    return a !== null && b !== null && sameInstant(a, b) ? 'match' : 'conflict';
}
