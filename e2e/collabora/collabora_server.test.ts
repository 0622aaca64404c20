// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {parseCapabilities} from '../../server-ts/src/collabora/capabilities_parser';
import {findAction, parseDiscovery} from '../../server-ts/src/collabora/discovery_parser';

import {startCollaboraStandIn} from './collabora_server';
import type {CollaboraStandIn} from './collabora_server';
import {sendWopiRequest} from './wopi_http';

describe('Collabora stand-in server', () => {
    let standIn: CollaboraStandIn;
    beforeAll(async () => {
        standIn = await startCollaboraStandIn();
    });
    afterAll(() => standIn.close());

    it('listens on 127.0.0.1 and serves discovery the host can parse', async () => {
        expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const res = await sendWopiRequest('GET', `${standIn.url}/hosting/discovery`, {});
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('text/xml');
        const parsed = parseDiscovery(res.text());
        if (!parsed.ok) {
            throw new Error(parsed.error);
        }
        const urlsrc = `${standIn.url}/browser/${standIn.versionHash}/cool.html?`;
        expect(findAction(parsed.discovery, 'docx', ['edit'])?.urlsrc).toBe(urlsrc);
        expect(findAction(parsed.discovery, 'pdf', ['view_comment'])?.urlsrc).toBe(urlsrc);
        expect(parsed.discovery.capabilitiesUrl).toBe(`${standIn.url}/hosting/capabilities`);
        expect(parsed.discovery.proofKey?.current.modulus).toBe(standIn.signer.current.modulus);
        expect(parsed.discovery.proofKey?.old?.modulus).toBe(standIn.signer.current.modulus);
        expect(parsed.warnings).toEqual([]);
    });

    it('serves capabilities the host can parse', async () => {
        const res = await sendWopiRequest('GET', `${standIn.url}/hosting/capabilities`, {});
        const parsed = parseCapabilities(res.text());
        expect(parsed.ok && parsed.capabilities.productVersion).toBe('24.04.13.2');
        expect(parsed.ok && parsed.warnings).toEqual([]);
    });

    it('answers 404 elsewhere and records requests', async () => {
        expect((await sendWopiRequest('GET', `${standIn.url}/nope`, {})).status).toBe(404);
        expect(standIn.requests.map((r) => r.url)).toContain('/nope');
    });

    // The internal-URL case: Mattermost asks at one address, browsers use another.
    it('names the Host the discovery request carried in urlsrc, as coolwsd does', async () => {
        const host = `office.internal:${new URL(standIn.url).port}`;
        const res = await sendWopiRequest('GET', `${standIn.url}/hosting/discovery`, {Host: host});
        const parsed = parseDiscovery(res.text());
        expect(parsed.ok && findAction(parsed.discovery, 'docx', ['edit'])?.urlsrc).toBe(`http://${host}/browser/${standIn.versionHash}/cool.html?`);
        expect(parsed.ok && parsed.discovery.capabilitiesUrl).toBe(`http://${host}/hosting/capabilities`);
    });

    it('names server_name instead of the Host when it is set', async () => {
        const named = await startCollaboraStandIn({serverName: 'office.example.com'});
        try {
            const res = await sendWopiRequest('GET', `${named.url}/hosting/discovery`, {Host: 'office.internal'});
            const parsed = parseDiscovery(res.text());
            expect(parsed.ok && findAction(parsed.discovery, 'odt', ['edit'])?.urlsrc).toBe(`http://office.example.com/browser/${named.versionHash}/cool.html?`);
        } finally {
            await named.close();
        }
    });

    it('can run without a proof key, like an unconfigured coolwsd', async () => {
        const bare = await startCollaboraStandIn({withProofKey: false});
        try {
            const parsed = parseDiscovery(bare.discoveryXml());
            expect(parsed.ok && parsed.discovery.proofKey).toBeNull();
        } finally {
            await bare.close();
        }
    });
});
