// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {parseBooleanHeader} from './boolean_header';
import {ok} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';

// The X-COOL-WOPI-* flags Collabora sends with PutFile (wopi-collabora.md 3.5). Pre-2021
// builds (and current ones with storage.wopi.is_legacy_server) use X-LOOL-WOPI-*; the COOL
// name wins when both are present.
export type CoolSaveFlags = {

    // null when Collabora did not say: treat as "maybe modified" (keep the revision).
    isModifiedByUser: boolean | null;
    isAutosave: boolean;
    isExitSave: boolean;
};

export type HeaderLookup = (lowerCaseName: string) => RawHeader;

function flag(get: HeaderLookup, suffix: string): HeaderResult<boolean | null> {
    const cool = parseBooleanHeader(get(`x-cool-wopi-${suffix.toLowerCase()}`), `X-COOL-WOPI-${suffix}`);
    if (!cool.ok || cool.value !== null) {
        return cool;
    }
    return parseBooleanHeader(get(`x-lool-wopi-${suffix.toLowerCase()}`), `X-LOOL-WOPI-${suffix}`);
}

export function parseCoolSaveFlags(get: HeaderLookup): HeaderResult<CoolSaveFlags> {
    const modified = flag(get, 'IsModifiedByUser');
    if (!modified.ok) {
        return modified;
    }
    const autosave = flag(get, 'IsAutosave');
    if (!autosave.ok) {
        return autosave;
    }
    const exitSave = flag(get, 'IsExitSave');
    if (!exitSave.ok) {
        return exitSave;
    }
    return ok({
        isModifiedByUser: modified.value,
        isAutosave: autosave.value ?? false,
        isExitSave: exitSave.value ?? false,
    });
}
