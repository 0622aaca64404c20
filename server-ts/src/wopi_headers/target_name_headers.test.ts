// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {RawHeader} from './header_result';
import {parsePutRelativeTarget, parseRequestedName} from './target_name_headers';

describe('parsePutRelativeTarget', () => {
    const ok: Array<[string, RawHeader, RawHeader, RawHeader, unknown]> = [
        ['suggested full name', 'Copy of report.docx', undefined, undefined,
            {mode: 'suggested', target: {kind: 'name', name: 'Copy of report.docx'}}],
        ['suggested extension only', '.pdf', undefined, undefined,
            {mode: 'suggested', target: {kind: 'extension', extension: '.pdf'}}],
        ['suggested UTF-7 name', 'Gr+APw-e.odt', undefined, undefined,
            {mode: 'suggested', target: {kind: 'name', name: 'Gr\u00fce.odt'}}],
        ['suggested path from Collabora keeps only the name', '/path/to/hello+ACU-20world.pdf', undefined, undefined,
            {mode: 'suggested', target: {kind: 'name', name: 'hello%20world.pdf'}}],
        ['relative, overwrite defaults to false', undefined, 'new.docx', undefined,
            {mode: 'relative', name: 'new.docx', overwrite: false}],
        ['relative, validator spelling True', undefined, 'new.docx', 'True',
            {mode: 'relative', name: 'new.docx', overwrite: true}],
    ];
    it.each(ok)('%s', (_name, suggested, relative, overwrite, expected) => {
        expect(parsePutRelativeTarget(suggested, relative, overwrite)).toEqual({ok: true, value: expected});
    });

    const bad: Array<[string, RawHeader, RawHeader, RawHeader, string]> = [
        ['both headers', 'a.docx', 'b.docx', undefined, 'WOPI_HEADER_INVALID'],
        ['neither header', undefined, undefined, undefined, 'WOPI_HEADER_MISSING'],
        ['invalid UTF-7 suggested', 'bad+', undefined, undefined, 'WOPI_HEADER_INVALID'],
        ['invalid UTF-7 relative', undefined, 'x+!y', undefined, 'WOPI_HEADER_INVALID'],
        ['raw non-ASCII (not UTF-7)', 'caf\u00e9.odt', undefined, undefined, 'WOPI_HEADER_INVALID'],
        ['encoded NUL', '+AAA-x.odt', undefined, undefined, 'WOPI_HEADER_INVALID'],
        ['only a directory', '/path/to/', undefined, undefined, 'WOPI_HEADER_INVALID'],
        ['blank', '   ', undefined, undefined, 'WOPI_HEADER_INVALID'],
        ['huge', 'a'.repeat(5000), undefined, undefined, 'WOPI_HEADER_INVALID'],
        ['bad overwrite flag', undefined, 'n.docx', 'yes', 'WOPI_HEADER_INVALID'],
    ];
    it.each(bad)('rejects %s', (_name, suggested, relative, overwrite, expected) => {
        const result = parsePutRelativeTarget(suggested, relative, overwrite);
        expect(!result.ok && result.error.code).toBe(expected);
    });
});

describe('parseRequestedName', () => {
    it('decodes the UTF-7 name without extension', () => {
        expect(parseRequestedName('Budget +ZeVnLIqe-')).toEqual({ok: true, value: 'Budget \u65e5\u672c\u8a9e'});
        expect(parseRequestedName('Q1 plan')).toEqual({ok: true, value: 'Q1 plan'});
    });

    it.each([[undefined, 'WOPI_HEADER_MISSING'], ['', 'WOPI_HEADER_INVALID'], ['+2D0-', 'WOPI_HEADER_INVALID']])(
        'rejects %j', (raw, expected) => {
            const result = parseRequestedName(raw);
            expect(!result.ok && result.error).toMatchObject({code: expected, header: 'X-WOPI-RequestedName'});
        });
});
