// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {fail, ok, single} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';

export const SIZE_HEADER = 'X-WOPI-Size';

// X-WOPI-Size: the byte size of a PutRelativeFile body (Collabora sends it, wopi-collabora.md
// 3.6). Plain decimal only: no sign, exponent or spaces inside, at most 2^53-1.
export function parseSizeHeader(raw: RawHeader): HeaderResult<number | null> {
    const one = single(raw, SIZE_HEADER);
    if (!one.ok) {
        return one;
    }
    if (one.value === null) {
        return ok(null);
    }
    const text = one.value.trim();
    const value = Number(text);
    if (!/^\d{1,16}$/.test(text) || !Number.isSafeInteger(value)) {
        return fail('WOPI_HEADER_INVALID', SIZE_HEADER, `${SIZE_HEADER} must be a non-negative integer`);
    }
    return ok(value);
}
