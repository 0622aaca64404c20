// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createServer} from 'node:http';
import type {IncomingMessage, Server, ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

import {allowConvertTo, defaultConvertToBehaviour, handleConvertTo, type ConversionRecord, type ConvertToBehaviour} from './convert_to_stand_in';
import {buildDiscoveryXml} from './discovery_xml';
import {ProofSigner} from './proof_signer';

export type StandInOptions = {

    // 0 (default) picks a free port.
    port?: number;
    host?: string;
    productVersion?: string;

    // true: discovery advertises a different old key (Collabora itself never does; for tests of
    // the rotation matrix).
    rotatedKeys?: boolean;

    // false: no proof key configured, discovery has no <proof-key>.
    withProofKey?: boolean;

    // coolwsd.xml's server_name ("host[:port]"): when set, urlsrc names it whatever Host the
    // discovery request carried.
    serverName?: string;

    // The conversion API's behaviour (net.post_allow, failures, slowness); see convert_to_stand_in.ts.
    convertTo?: Partial<ConvertToBehaviour>;

    // Extra routes (the editor page, see editor_stand_in.ts): answers and returns true for the
    // requests it serves; the others fall through to discovery, capabilities and 404.
    handle?: (req: IncomingMessage, res: ServerResponse, standIn: CollaboraStandIn) => boolean;
};

export type CollaboraStandIn = {
    url: string;
    signer: ProofSigner;
    versionHash: string;
    // host: the Host header of the discovery request; defaults to the address it listens on.
    discoveryXml: (host?: string) => string;
    // convertToAvailable: whether the asking address may convert (coolwsd asks allowConvertTo).
    capabilities: (convertToAvailable?: boolean) => Record<string, unknown>;

    // The conversion API's behaviour, changeable while the stand-in runs, and every conversion
    // request it received.
    convertTo: ConvertToBehaviour;
    conversions: ConversionRecord[];

    // Every request the stand-in answered, for assertions ("discovery fetched twice").
    requests: Array<{method: string; url: string}>;
    close: () => Promise<void>;
};

// A tiny stand-in for coolwsd's hosting endpoints on 127.0.0.1 (Collabora cannot run here).
export async function startCollaboraStandIn(options: StandInOptions = {}): Promise<CollaboraStandIn> {
    const signer = new ProofSigner({rotated: options.rotatedKeys === true});
    const versionHash = 'e2e0standin';
    const requests: CollaboraStandIn['requests'] = [];
    const convertTo: ConvertToBehaviour = {...defaultConvertToBehaviour(), ...options.convertTo};
    const conversions: ConversionRecord[] = [];
    let url = '';
    const lastModified = new Date().toUTCString();

    // As coolwsd's handleWopiDiscoveryRequest builds %SRV_URI% (COOL:wsd/ClientRequestDispatcher.cpp;
    // COOLWSD.cpp / LOOLWSD.cpp in older releases): its own scheme (ssl.enable or
    // ssl.termination, never the request's), then server_name if set, else the request's Host
    // header (RequestDetails::getHostUntrusted, COOL:wsd/RequestDetails.cpp). So a Mattermost
    // that fetches discovery at an internal address gets urlsrc naming that internal address.
    // (A ProxyPrefix request header would override all of it; not played here.)
    const discoveryXml = (host?: string) => buildDiscoveryXml({
        serverUrl: `http://${options.serverName ?? host ?? new URL(url).host}`, versionHash,
        proofKeyAttributes: options.withProofKey === false ? null : signer.discoveryAttributes(),
    });

    // Keys as COOL:wsd/ClientRequestDispatcher.cpp getCapabilitiesJson emits them; the endpoint
    // only when convert-to is available to the asker.
    const capabilities = (convertToAvailable = false) => ({
        'convert-to': convertToAvailable ? {available: true, endpoint: '/cool/convert-to'} : {available: false},
        hasMobileSupport: true, hasProxyPrefix: false, hasTemplateSaveAs: false, hasTemplateSource: true,
        hasWASMSupport: false, hasZoteroSupport: true, hasWopiAccessCheck: true,
        productName: 'Collabora Online Development Edition (stand-in)',
        productVersion: options.productVersion ?? '24.04.13.2', productVersionHash: versionHash, serverId: 'standin1',
    });

    // eslint-disable-next-line prefer-const -- set once the server exists; the request handler above it closes over it.
    let self: CollaboraStandIn | undefined;
    const server: Server = createServer((req, res) => {
        requests.push({method: req.method ?? '', url: req.url ?? ''});
        const path = (req.url ?? '').split('?')[0];
        if (options.handle !== undefined && self !== undefined && options.handle(req, res, self)) {
            return;
        }
        if (handleConvertTo(req, res, convertTo, (r) => conversions.push(r))) {
            return;
        }
        if (req.method === 'GET' && path === '/hosting/discovery') {
            res.writeHead(200, {'Content-Type': 'text/xml', 'Last-Modified': lastModified, 'X-Content-Type-Options': 'nosniff'});
            res.end(discoveryXml(req.headers.host));
        } else if (req.method === 'GET' && path === '/hosting/capabilities') {
            res.writeHead(200, {'Content-Type': 'application/json'});
            res.end(JSON.stringify(capabilities(allowConvertTo(convertTo, req))));
        } else {
            res.writeHead(404, {'Content-Type': 'text/plain'});
            res.end('not found');
        }
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address() as AddressInfo;
    url = `http://${address.address}:${address.port}`;
    self = {
        url, signer, versionHash, discoveryXml, capabilities, requests, convertTo, conversions,
        close: () => new Promise<void>((resolve) => {
            server.close(() => resolve());

            // Editor pages keep event streams open; they must not hold the close up.
            server.closeAllConnections();
        }),
    };
    return self;
}
