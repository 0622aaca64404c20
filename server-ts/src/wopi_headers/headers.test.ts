// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {parseBooleanHeader} from './boolean_header';
import {parseCoolSaveFlags} from './cool_save_headers';
import type {RawHeader} from './header_result';
import {MAX_LOCK_LENGTH, parseOldLock, parseOptionalLock, parseRequiredLock} from './lock_headers';
import {parseOverride} from './override_header';
import {parseSizeHeader} from './size_header';

function code(result: {ok: boolean; error?: {code: string}}): string {
    return result.ok ? 'ok' : result.error?.code ?? '?';
}

describe('lock headers', () => {
    const table: Array<[string, RawHeader, string | null]> = [
        ['Collabora lock', 'cool-lock1a2b3c4d5e6f', 'cool-lock1a2b3c4d5e6f'],
        ['validator JSON-looking id', '{"S":"abc","F":1}', '{"S":"abc","F":1}'],
        ['exactly 1024 chars', 'x'.repeat(MAX_LOCK_LENGTH), 'x'.repeat(MAX_LOCK_LENGTH)],
        ['1025 chars', 'x'.repeat(MAX_LOCK_LENGTH + 1), 'WOPI_HEADER_INVALID'],
        ['non-ASCII', 'l\u00f6ck', 'WOPI_HEADER_INVALID'],
        ['control character', 'lock\u0001', 'WOPI_HEADER_INVALID'],
        ['sent twice', ['a', 'b'], 'WOPI_HEADER_INVALID'],
        ['missing', undefined, 'WOPI_HEADER_MISSING'],
        ['empty', '', 'WOPI_HEADER_MISSING'],
    ];

    it.each(table)('required: %s', (_name, raw, expected) => {
        const result = parseRequiredLock(raw);
        if (result.ok) {
            expect(result.value).toBe(expected);
        } else {
            expect(result.error.code).toBe(expected);
            expect(result.error.header).toBe('X-WOPI-Lock');
        }
    });

    it('optional: absent and empty mean no lock, bad values still fail', () => {
        expect(parseOptionalLock(undefined)).toEqual({ok: true, value: null});
        expect(parseOptionalLock('')).toEqual({ok: true, value: null});
        expect(parseOptionalLock(['only'])).toEqual({ok: true, value: 'only'});
        expect(code(parseOptionalLock('x'.repeat(2000)))).toBe('WOPI_HEADER_INVALID');
    });

    it('old lock: absent is plain LOCK, present must be a real id', () => {
        expect(parseOldLock(undefined)).toEqual({ok: true, value: null});
        expect(parseOldLock('old')).toEqual({ok: true, value: 'old'});
        const empty = parseOldLock('');
        expect(!empty.ok && empty.error).toMatchObject({code: 'WOPI_HEADER_MISSING', header: 'X-WOPI-OldLock'});
    });
});

describe('parseOverride', () => {
    it.each([
        ['LOCK', 'LOCK'], ['PUT', 'PUT'], ['PUT_RELATIVE', 'PUT_RELATIVE'], ['RENAME_FILE', 'RENAME_FILE'],
        ['refresh_lock', 'REFRESH_LOCK'], [' GET_LOCK ', 'GET_LOCK'], ['DELETE', 'DELETE'],
    ])('accepts %j', (raw, expected) => {
        expect(parseOverride(raw)).toEqual({ok: true, value: expected});
    });

    it.each([
        ['COBALT', 'WOPI_OVERRIDE_UNKNOWN'], ['LOCK; DROP', 'WOPI_OVERRIDE_UNKNOWN'], ['__proto__', 'WOPI_OVERRIDE_UNKNOWN'],
        ['', 'WOPI_HEADER_MISSING'], [undefined, 'WOPI_HEADER_MISSING'], [['LOCK', 'PUT'], 'WOPI_HEADER_INVALID'],
    ])('rejects %j', (raw, expected) => {
        expect(code(parseOverride(raw as RawHeader))).toBe(expected);
    });
});

describe('boolean headers and Collabora save flags', () => {
    it.each([
        ['true', true], ['false', false], ['True', true], ['FALSE', false], [undefined, null],
    ])('parses %j', (raw, expected) => {
        expect(parseBooleanHeader(raw, 'X-Test')).toEqual({ok: true, value: expected});
    });

    it.each(['1', 'yes', '', 'truee'])('rejects %j', (raw) => {
        expect(code(parseBooleanHeader(raw, 'X-Test'))).toBe('WOPI_HEADER_INVALID');
    });

    const lookup = (headers: Record<string, string>) => (name: string) => headers[name];

    it('reads the X-COOL-WOPI-* flags of an autosave', () => {
        const flags = parseCoolSaveFlags(lookup({
            'x-cool-wopi-ismodifiedbyuser': 'true', 'x-cool-wopi-isautosave': 'true', 'x-cool-wopi-isexitsave': 'false',
        }));
        expect(flags).toEqual({ok: true, value: {isModifiedByUser: true, isAutosave: true, isExitSave: false}});
    });

    it('falls back to X-LOOL-WOPI-* and defaults missing flags', () => {
        const flags = parseCoolSaveFlags(lookup({'x-lool-wopi-isexitsave': 'true'}));
        expect(flags).toEqual({ok: true, value: {isModifiedByUser: null, isAutosave: false, isExitSave: true}});
    });

    it('prefers the COOL name and reports the bad header', () => {
        expect(parseCoolSaveFlags(lookup({'x-cool-wopi-isautosave': 'false', 'x-lool-wopi-isautosave': 'true'})))
            .toMatchObject({ok: true, value: {isAutosave: false}});
        const bad = parseCoolSaveFlags(lookup({'x-cool-wopi-isexitsave': 'maybe'}));
        expect(!bad.ok && bad.error.header).toBe('X-COOL-WOPI-IsExitSave');
    });
});

describe('parseSizeHeader', () => {
    it.each([['0', 0], ['12345', 12345], [' 42 ', 42], ['9007199254740991', 9007199254740991], [undefined, null]])(
        'accepts %j', (raw, expected) => {
            expect(parseSizeHeader(raw)).toEqual({ok: true, value: expected});
        });

    it.each(['-1', '1e3', '0x10', '1.5', '', 'abc', '9007199254740992', '12 34', '+5'])('rejects %j', (raw) => {
        expect(code(parseSizeHeader(raw))).toBe('WOPI_HEADER_INVALID');
    });
});
