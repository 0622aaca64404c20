// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {fail, ok, single} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';

export const OVERRIDE_HEADER = 'X-WOPI-Override';

// The X-WOPI-Override values of the WOPI files endpoint (MSDOC docs/rest/src/files/*.rst,
// VAL:Constants.cs). Collabora only sends LOCK, UNLOCK, PUT, PUT_RELATIVE and RENAME_FILE
// (wopi-collabora.md 3.1); the others are for the validator and other clients.
export const WOPI_OVERRIDES = [
    'LOCK',
    'UNLOCK',
    'REFRESH_LOCK',
    'GET_LOCK',
    'PUT',
    'PUT_RELATIVE',
    'RENAME_FILE',
    'DELETE',
    'PUT_USER_INFO',
    'GET_SHARE_URL',
] as const;

export type WopiOverride = typeof WOPI_OVERRIDES[number];

const KNOWN: ReadonlySet<string> = new Set(WOPI_OVERRIDES);

function isKnown(value: string): value is WopiOverride {
    return KNOWN.has(value);
}

// Missing -> WOPI_HEADER_MISSING (400); a value we do not know -> WOPI_OVERRIDE_UNKNOWN, which
// the router answers with 501 as the spec asks for unsupported operations.
export function parseOverride(raw: RawHeader): HeaderResult<WopiOverride> {
    const one = single(raw, OVERRIDE_HEADER);
    if (!one.ok) {
        return one;
    }
    if (one.value === null || one.value.trim() === '') {
        return fail('WOPI_HEADER_MISSING', OVERRIDE_HEADER, `${OVERRIDE_HEADER} is required`);
    }

    // The spec spells them upper case; being lenient about case costs nothing and helps
    // hand-written clients.
    const value = one.value.trim().toUpperCase();
    if (!isKnown(value)) {
        return fail('WOPI_OVERRIDE_UNKNOWN', OVERRIDE_HEADER, `unsupported ${OVERRIDE_HEADER} value`);
    }
    return ok(value);
}
