// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {parseBooleanHeader} from './boolean_header';
import {fail, ok, single} from './header_result';
import type {HeaderResult, RawHeader} from './header_result';
import {decodeUtf7} from './utf7';

export const SUGGESTED_TARGET_HEADER = 'X-WOPI-SuggestedTarget';
export const RELATIVE_TARGET_HEADER = 'X-WOPI-RelativeTarget';
export const OVERWRITE_RELATIVE_TARGET_HEADER = 'X-WOPI-OverwriteRelativeTarget';
export const REQUESTED_NAME_HEADER = 'X-WOPI-RequestedName';

// Encoded names grow up to ~2.7x; this bounds the work and stays far above real names.
const MAX_ENCODED_LENGTH = 4096;
const MAX_NAME_LENGTH = 1024;

// NUL and other controls are never part of a file name and would poison logs and storage keys.
// Whether a name is otherwise legal ('/', reserved names, length) is the handler's decision:
// RelativeTarget answers 400 while SuggestedTarget must invent a legal name instead.
const CONTROL = /[\u0000-\u001f\u007f]/;

function decodeName(raw: RawHeader, header: string): HeaderResult<string | null> {
    const one = single(raw, header);
    if (!one.ok || one.value === null) {
        return one;
    }
    if (one.value.length > MAX_ENCODED_LENGTH) {
        return fail('WOPI_HEADER_INVALID', header, `${header} is too long`);
    }
    const decoded = decodeUtf7(one.value);
    if (!decoded.ok) {
        return fail('WOPI_HEADER_INVALID', header, `${header}: ${decoded.error}`);
    }
    const name = decoded.value.trim();
    if (name === '' || name.length > MAX_NAME_LENGTH || CONTROL.test(name)) {
        return fail('WOPI_HEADER_INVALID', header, `${header} is not a usable file name`);
    }
    return ok(name);
}

// SuggestedTarget is either a full name or, starting with '.', just an extension that the host
// combines with the source's base name (MSDOC files/PutRelativeFile.rst). Collabora has been seen
// to send a path ("/path/to/hello+ACU-20world.pdf", COOL:test/UnitWOPISaveAsWithEncodedFileName.cpp);
// a suggestion is only a hint, so directories are dropped.
export type SuggestedTarget = {kind: 'extension'; extension: string} | {kind: 'name'; name: string};

export type PutRelativeTarget =
    | {mode: 'suggested'; target: SuggestedTarget}
    | {mode: 'relative'; name: string; overwrite: boolean};

function toSuggested(decoded: string): SuggestedTarget | null {
    const base = decoded.slice(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1).trim();
    if (base === '' || base === '.') {
        return null;
    }
    return base.startsWith('.') ? {kind: 'extension', extension: base} : {kind: 'name', name: base};
}

// Both headers or neither is a 400 per the spec's "mutually exclusive" rule (the validator also
// accepts 501 there). OverwriteRelativeTarget only matters in relative mode.
export function parsePutRelativeTarget(
    suggestedRaw: RawHeader,
    relativeRaw: RawHeader,
    overwriteRaw: RawHeader,
): HeaderResult<PutRelativeTarget> {
    const suggested = decodeName(suggestedRaw, SUGGESTED_TARGET_HEADER);
    if (!suggested.ok) {
        return suggested;
    }
    const relative = decodeName(relativeRaw, RELATIVE_TARGET_HEADER);
    if (!relative.ok) {
        return relative;
    }
    if (suggested.value !== null && relative.value !== null) {
        return fail('WOPI_HEADER_INVALID', SUGGESTED_TARGET_HEADER,
            `${SUGGESTED_TARGET_HEADER} and ${RELATIVE_TARGET_HEADER} are mutually exclusive`);
    }
    if (suggested.value !== null) {
        const target = toSuggested(suggested.value);
        return target === null ?
            fail('WOPI_HEADER_INVALID', SUGGESTED_TARGET_HEADER, `${SUGGESTED_TARGET_HEADER} has no file name`) :
            ok({mode: 'suggested', target});
    }
    if (relative.value === null) {
        return fail('WOPI_HEADER_MISSING', SUGGESTED_TARGET_HEADER,
            `one of ${SUGGESTED_TARGET_HEADER} or ${RELATIVE_TARGET_HEADER} is required`);
    }
    const overwrite = parseBooleanHeader(overwriteRaw, OVERWRITE_RELATIVE_TARGET_HEADER);
    if (!overwrite.ok) {
        return overwrite;
    }
    return ok({mode: 'relative', name: relative.value, overwrite: overwrite.value ?? false});
}

// RenameFile: the new name WITHOUT extension (MSDOC files/RenameFile.rst); the handler appends the
// original extension and decides legality (400 + X-WOPI-InvalidFileNameError).
export function parseRequestedName(raw: RawHeader): HeaderResult<string> {
    const name = decodeName(raw, REQUESTED_NAME_HEADER);
    if (!name.ok) {
        return name;
    }
    return name.value === null ?
        fail('WOPI_HEADER_MISSING', REQUESTED_NAME_HEADER, `${REQUESTED_NAME_HEADER} is required`) :
        ok(name.value);
}
