// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

import {buildDiscoveryXml, ProofSigner} from '../../../e2e/collabora';
import {parseSettings} from '../config/settings';
import {createLogger} from '../logger';
import {MemoryPluginApi} from '../testing/memory_plugin_api';

import {DiscoveryService, REFRESH_AFTER_MS} from './discovery_service';

// A discovery endpoint that can answer well, answer garbage, or be gone (connection refused).
class Endpoint {
    mode: 'up' | 'garbage' = 'up';
    fetches = 0;
    readonly signer = new ProofSigner();
    private server: Server | null = null;
    port = 0;

    get url(): string {
        return `http://127.0.0.1:${this.port}`;
    }

    async start(port = 0): Promise<void> {
        const server = createServer((_req, res) => {
            this.fetches++;
            res.writeHead(200, {'Content-Type': 'text/xml'});
            res.end(this.mode === 'garbage' ? '<html>proxy error</html>' : buildDiscoveryXml({serverUrl: this.url, versionHash: 'x', proofKeyAttributes: this.signer.discoveryAttributes()}));
        });
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
        this.port = (server.address() as AddressInfo).port;
        this.server = server;
    }

    async stop(): Promise<void> {
        const server = this.server;
        this.server = null;
        await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    }
}

describe('DiscoveryService through an outage', () => {
    let endpoint: Endpoint;
    let clock: number;
    let url: string;
    const make = (api = new MemoryPluginApi()) => new DiscoveryService(api, () => parseSettings({CollaboraUrl: url}), createLogger(() => undefined), () => clock);

    beforeEach(async () => {
        endpoint = new Endpoint();
        await endpoint.start();
        url = endpoint.url;
        clock = Date.now();
    });
    afterEach(() => endpoint.stop());

    it.each(['gone', 'garbage'] as const)('keeps the proof keys but refuses new editors while discovery is %s, and recovers by itself', async (outage) => {
        const service = make();
        expect(await service.get()).not.toBeNull();
        const keys = await service.proofKeys();
        expect(keys).not.toBeNull();

        if (outage === 'gone') {
            await endpoint.stop();
        } else {
            endpoint.mode = 'garbage';
        }
        // What notices the outage: a proof failure refetches (here after the rate limit).
        clock += 31_000;
        expect(await service.refetchAfterProofFailure()).toBe(false);

        expect(await service.proofKeys()).toBe(keys);
        expect(await service.get()).toBeNull();
        expect(service.status()).toMatchObject({ok: false, error: expect.stringMatching(outage === 'gone' ? /could not be fetched from http/ : /not usable/)});

        if (outage === 'gone') {
            await endpoint.start(endpoint.port);
        } else {
            endpoint.mode = 'up';
        }
        // Within the retry interval nothing is fetched; after it, the next caller recovers.
        const before = endpoint.fetches;
        expect(await service.get()).toBeNull();
        expect(endpoint.fetches).toBe(before);
        clock += 31_000;
        expect(await service.get()).not.toBeNull();
        expect(service.status()).toMatchObject({ok: true, error: null});
    });

    it('does not make proof checks wait for the hourly refresh', async () => {
        const service = make();
        const keys = await service.proofKeys();
        await endpoint.stop();
        clock += REFRESH_AFTER_MS + 1;
        expect(await service.proofKeys()).toBe(keys);
    });

    it('fetches a newly set URL at once, even right after the old one failed', async () => {
        const service = make();
        url = 'http://127.0.0.1:1';
        expect(await service.get()).toBeNull();
        url = endpoint.url;
        expect(await service.get()).not.toBeNull();
    });
});

describe('DiscoveryService.proofKeySource', () => {
    it('names the discovery URL, when it was fetched and the current key, for the log of a refused proof', async () => {
        const endpoint = new Endpoint();
        await endpoint.start();
        try {
            const fetchedAt = Date.UTC(2026, 10, 26, 12, 0, 0);
            const service = new DiscoveryService(new MemoryPluginApi(), () => parseSettings({CollaboraUrl: endpoint.url}), createLogger(() => undefined), () => fetchedAt);
            expect(service.proofKeySource()).toEqual({url: `${endpoint.url}/hosting/discovery`, fetchedAt: null, keyId: null});
            await service.proofKeys();
            const expectedId = createHash('sha256').update(endpoint.signer.current.publicKey.export({type: 'spki', format: 'der'})).digest('hex').slice(0, 12);
            expect(service.proofKeySource()).toEqual({url: `${endpoint.url}/hosting/discovery`, fetchedAt: '2026-11-26T12:00:00.000Z', keyId: expectedId});
        } finally {
            await endpoint.stop();
        }
    });
});
