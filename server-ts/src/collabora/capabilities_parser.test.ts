// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {isVersionAtLeast, parseCapabilities} from './capabilities_parser';

describe('parseCapabilities', () => {
    const real = JSON.stringify({
        'convert-to': {available: true, endpoint: '/cool/convert-to'},
        hasMobileSupport: true, hasProxyPrefix: false, hasTemplateSaveAs: false, hasTemplateSource: true,
        hasWASMSupport: false, hasZoteroSupport: true, hasWopiAccessCheck: true,
        productName: 'Collabora Online Development Edition', productVersion: '24.04.13.2',
        productVersionHash: 'ab12cd3', serverId: 'x1y2z3', someFutureFlag: {nested: 1},
    });

    it('reads a CODE capabilities document', () => {
        const result = parseCapabilities(real);
        expect(result).toEqual({
            ok: true, warnings: [], capabilities: {
                productName: 'Collabora Online Development Edition', productVersion: '24.04.13.2',
                productVersionHash: 'ab12cd3', serverId: 'x1y2z3',
                convertTo: {available: true, endpoint: '/cool/convert-to'},
                hasWopiAccessCheck: true, hasTemplateSource: true, hasTemplateSaveAs: false, hasMobileSupport: true,
                hasProxyPrefix: false, hasZoteroSupport: true, hasWASMSupport: false,
                hasSettingIframeSupport: false, hasDocumentSigningSupport: false,
            },
        });
    });

    it('degrades wrong types to "absent" with warnings', () => {
        const result = parseCapabilities({hasTemplateSource: 'true', productVersion: 24, 'convert-to': 'yes'});
        expect(result.ok && result.capabilities.hasTemplateSource).toBe(false);
        expect(result.ok && result.capabilities.convertTo).toEqual({available: false, endpoint: null});
        expect(result.ok && result.warnings).toEqual(['productVersion is not a string', 'hasTemplateSource is not a boolean',
            'productVersion is missing']);
    });

    it.each([['not JSON', '<html>'], ['array', '[]'], ['null', 'null'], ['string', '"x"'], ['huge', `"${'x'.repeat(300_000)}"`]])(
        'rejects %s', (_name, body) => {
            expect(parseCapabilities(body).ok).toBe(false);
        });
});

describe('isVersionAtLeast', () => {
    it.each([
        ['24.04.13.2', '24.04', true], ['24.04', '24.04.0', true], ['23.05.9', '24.04', false],
        ['25.04.1', '24.04.13', true], ['24.04.13.2-rc1', '24.04.13.2', true], ['garbage', '1', false], [null, '1', false],
    ])('%s >= %s is %s', (have, want, expected) => {
        expect(isVersionAtLeast(have, want)).toBe(expected);
    });
});
