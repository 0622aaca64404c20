// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {fail, ok, single} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';

// WOPI booleans are "true"/"false"; Collabora sends lower case, the validator sends "True"/"False"
// (wopi-collabora.md 3.6), so compare case-insensitively. Absent -> null: the caller picks the
// default that the operation defines.
export function parseBooleanHeader(raw: RawHeader, header: string): HeaderResult<boolean | null> {
    const one = single(raw, header);
    if (!one.ok) {
        return one;
    }
    if (one.value === null) {
        return ok(null);
    }
    const value = one.value.trim().toLowerCase();
    if (value === 'true') {
        return ok(true);
    }
    if (value === 'false') {
        return ok(false);
    }
    return fail('WOPI_HEADER_INVALID', header, `${header} must be true or false`);
}
