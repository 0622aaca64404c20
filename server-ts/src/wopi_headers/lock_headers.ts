// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {fail, ok, single} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';

// A lock id is an opaque ASCII string of at most 1024 characters (wopi-collabora.md 7,
// MSDOC concepts.rst "Lock"). It is stored verbatim: the validator sends JSON-looking ids with
// quotes and braces, and Collabora sends "cool-lock<hex>".
export const MAX_LOCK_LENGTH = 1024;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export const LOCK_HEADER = 'X-WOPI-Lock';
export const OLD_LOCK_HEADER = 'X-WOPI-OldLock';

function validate(value: string, header: string): HeaderResult<string> {
    if (value.length > MAX_LOCK_LENGTH) {
        return fail('WOPI_HEADER_INVALID', header, `${header} is longer than ${MAX_LOCK_LENGTH} characters`);
    }
    if (!PRINTABLE_ASCII.test(value)) {
        return fail('WOPI_HEADER_INVALID', header, `${header} must be printable ASCII`);
    }
    return ok(value);
}

// LOCK, UNLOCK, REFRESH_LOCK and UnlockAndRelock need a lock id; missing or empty is a 400
// (MSDOC files/Lock.rst).
export function parseRequiredLock(raw: RawHeader, header: string = LOCK_HEADER): HeaderResult<string> {
    const one = single(raw, header);
    if (!one.ok) {
        return one;
    }
    if (one.value === null || one.value === '') {
        return fail('WOPI_HEADER_MISSING', header, `${header} is required`);
    }
    return validate(one.value, header);
}

// PutFile and RenameFile may come without a lock (unlocked file, or a client without
// SupportsLocks). Empty counts as absent: there is no lock called "".
export function parseOptionalLock(raw: RawHeader, header: string = LOCK_HEADER): HeaderResult<string | null> {
    const one = single(raw, header);
    if (!one.ok || one.value === null || one.value === '') {
        return one.ok ? ok(null) : one;
    }
    return validate(one.value, header);
}

// X-WOPI-OldLock: absent means plain LOCK; present turns LOCK into UnlockAndRelock, and then it
// must be a real lock id.
export function parseOldLock(raw: RawHeader): HeaderResult<string | null> {
    const one = single(raw, OLD_LOCK_HEADER);
    if (!one.ok || one.value === null) {
        return one;
    }
    return parseRequiredLock(one.value, OLD_LOCK_HEADER);
}
