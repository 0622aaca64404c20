// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {decodeUtf7} from '../../server-ts/src/wopi_headers/utf7';

import {encodeUtf7} from './utf7_encode';

describe('encodeUtf7 (iconv-style, as Collabora sends names)', () => {
    it.each([
        // COOL:test/UnitWOPISaveAsWithEncodedFileName.cpp expects exactly this header value.
        ['/path/to/hello%20world.pdf', '/path/to/hello+ACU-20world.pdf'],
        ['Report 2026.docx', 'Report 2026.docx'],
        ['1+1.odt', '1+-1.odt'],
        ['\u65e5\u672c\u8a9e', '+ZeVnLIqe-'],
    ])('%j -> %j', (name, encoded) => {
        expect(encodeUtf7(name)).toBe(encoded);
        expect(decodeUtf7(encoded)).toEqual({ok: true, value: name});
    });
});
