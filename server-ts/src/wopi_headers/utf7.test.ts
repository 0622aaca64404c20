// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import fc from 'fast-check';

import {decodeUtf7} from './utf7';

// Reference encoder for the property test: Set D and space direct, everything else base64 in
// one run per stretch, always closed with '-' (a legal RFC 2152 encoding).
function encodeUtf7(text: string): string {
    const direct = /[A-Za-z0-9'(),\-./:? ]/;
    let out = '';
    let i = 0;
    while (i < text.length) {
        if (text[i] === '+') {
            out += '+-';
            i += 1;
        } else if (direct.test(text[i])) {
            out += text[i];
            i += 1;
        } else {
            let j = i;
            while (j < text.length && text[j] !== '+' && !direct.test(text[j])) {
                j += 1;
            }
            const units = Buffer.from(text.slice(i, j), 'utf16le').swap16();
            out += `+${units.toString('base64').replace(/=+$/, '')}-`;
            i = j;
        }
    }
    return out;
}

describe('decodeUtf7', () => {
    const good: Array<[string, string, string]> = [
        // RFC 2152 section "Examples".
        ['RFC 2152: A≢Α.', 'A+ImIDkQ.', 'A\u2262\u0391.'],
        ['RFC 2152: Hi Mom -☺-!', 'Hi Mom -+Jjo--!', 'Hi Mom -\u263a-!'],
        ['RFC 2152: 日本語', '+ZeVnLIqe-', '\u65e5\u672c\u8a9e'],
        // Collabora's own test (COOL:test/UnitWOPISaveAsWithEncodedFileName.cpp): iconv encodes '%'.
        ['Collabora Save As name', '/path/to/hello+ACU-20world.pdf', '/path/to/hello%20world.pdf'],
        ['plain ASCII', 'Report 2026.docx', 'Report 2026.docx'],
        ['escaped plus', '1+-1=2.odt', '1+1=2.odt'],
        ['run ended by a direct character', '+AOQ.odt', '\u00e4.odt'],
        ['run ended by end of input', 'x+AOQ', 'x\u00e4'],
        ['surrogate pair (emoji)', '+2D3eAA-.odt', '\u{1f600}.odt'],
        ['optional direct characters accepted', 'a!b#c~d\\e', 'a!b#c~d\\e'],
        ['empty', '', ''],
    ];
    it.each(good)('decodes %s', (_name, input, expected) => {
        expect(decodeUtf7(input)).toEqual({ok: true, value: expected});
    });

    const bad: Array<[string, string]> = [
        ['lone plus at end', 'abc+'],
        ['plus followed by non-base64', '+!abc'],
        ['non-ASCII raw character', 'caf\u00e9.odt'],
        ['NUL byte', 'a\u0000b'],
        ['one base64 digit only', '+A-'],
        ['non-zero leftover bits', '+AOR-'],
        ['two digits (12 bits) only', '+AA-'],
        ['unpaired high surrogate', '+2D0-'],
        ['unpaired low surrogate', '+3gA-'],
        ['high surrogate followed by a normal unit', '+2D0AYQ-'],
    ];
    it.each(bad)('rejects %s with a clear error', (_name, input) => {
        const result = decodeUtf7(input);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(/^invalid UTF-7: /);
    });

    it('round-trips any well-formed string through a reference encoder', () => {
        fc.assert(fc.property(fc.string({unit: 'grapheme', maxLength: 40}), (text) => {
            expect(decodeUtf7(encodeUtf7(text))).toEqual({ok: true, value: text});
        }));
    });

    it('never throws on arbitrary input', () => {
        fc.assert(fc.property(fc.string({maxLength: 60}), (text) => {
            expect(typeof decodeUtf7(text).ok).toBe('boolean');
        }));
    });
});
