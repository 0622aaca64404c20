// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Discovery} from '../collabora/discovery_types';
import {parseSettings} from '../config/settings';

import {discoveryHostResult} from './admin_check_discovery_host';

function discoveryNaming(...urlsrcs: string[]): Discovery {
    const actions: Discovery['actions'] = {};
    urlsrcs.forEach((urlsrc, i) => {
        actions[`ext${i}`] = {edit: {name: 'edit', ext: `ext${i}`, urlsrc, appName: 'writer', favIconUrl: null, isDefault: false}};
    });
    return {actions, capabilitiesUrl: null, proofKey: null};
}

const PUBLIC = 'https://office.example.com';
const INTERNAL = 'http://collabora:9980';

describe('discoveryHostResult', () => {
    it.each([
        ['the public host', PUBLIC, '', 'https://office.example.com/browser/h/cool.html?', /host of the Collabora Online URL/],
        ['the public host, its default port written out', PUBLIC, '', 'https://office.example.com:443/browser/h/cool.html?', /host of the Collabora Online URL/],
        // ssl.termination off behind a TLS proxy on 443: another scheme, the same server.
        ['the public host and port with http', PUBLIC, '', 'http://office.example.com:443/browser/h/cool.html?', /host of the Collabora Online URL/],
        ['the internal host', PUBLIC, INTERNAL, 'http://collabora:9980/browser/h/cool.html?', /internal address collabora:9980.*sent to office\.example\.com/],
        ['the internal host, upper case', PUBLIC, INTERNAL, 'http://COLLABORA:9980/browser/h/cool.html?', /internal address collabora:9980/],
        ['the public host with an internal URL set', PUBLIC, INTERNAL, 'https://office.example.com/browser/h/cool.html?', /host of the Collabora Online URL/],
    ])('passes when discovery names %s', (_name, collaboraUrl, internalUrl, urlsrc, detail) => {
        const result = discoveryHostResult(parseSettings({CollaboraUrl: collaboraUrl, CollaboraInternalUrl: internalUrl}), discoveryNaming(urlsrc));
        expect(result).toMatchObject({id: 'discovery_host', ok: true, detail: expect.stringMatching(detail)});
    });

    it.each([
        ['another name', PUBLIC, INTERNAL, ['https://office.old.example.com/browser/h/cool.html?'], /names office\.old\.example\.com, which is neither/],
        ['the internal host on another port', PUBLIC, INTERNAL, ['http://collabora:9981/browser/h/cool.html?'], /names collabora:9981/],
        ['a third host with no internal URL set', PUBLIC, '', ['http://collabora:9980/browser/h/cool.html?'], /which is not the Collabora Online URL's host \(office\.example\.com\)\./],
        ['one stray host among good ones', PUBLIC, INTERNAL, ['http://collabora:9980/a?', 'http://10.0.0.9:9980/b?'], /names 10\.0\.0\.9:9980,/],
    ])('warns when discovery names %s', (_name, collaboraUrl, internalUrl, urlsrcs, detail) => {
        const result = discoveryHostResult(parseSettings({CollaboraUrl: collaboraUrl, CollaboraInternalUrl: internalUrl}), discoveryNaming(...urlsrcs));
        expect(result).toMatchObject({ok: false, detail: expect.stringMatching(detail), fix: expect.stringContaining('server_name')});
    });

    it('fails on a discovery without editor addresses', () => {
        expect(discoveryHostResult(parseSettings({CollaboraUrl: PUBLIC}), discoveryNaming())).toMatchObject({ok: false, fix: expect.any(String)});
    });
});
