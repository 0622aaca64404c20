// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A Collabora stand-in whose discovery can be switched off or made to answer garbage, on a fixed
// loopback port, so that the plugin keeps the same Collabora URL (and so the same cache entry)
// across an outage. It serves what e2e/collabora's stand-in serves, with the same proof signer
// for its whole life.

import {randomBytes} from 'node:crypto';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Socket} from 'node:net';

import {buildDiscoveryXml, ProofSigner} from '../collabora';

// up: a normal discovery; down: the port refuses connections; garbage: 200 with a body that is
// no discovery; error: HTTP 503.
export type DiscoveryMode = 'up' | 'down' | 'garbage' | 'error';

export class ControlledCollabora {
    readonly signer = new ProofSigner();
    readonly versionHash = 'e2e0stress';
    mode: DiscoveryMode = 'up';
    discoveryRequests = 0;
    private server: Server | null = null;
    private readonly sockets = new Set<Socket>();
    private port = 0;

    // Each stand-in answers under its own path, so a later stand-in that gets a port an earlier
    // one had is still a different Collabora URL to the plugin (a reused URL would keep the
    // earlier stand-in's proof keys in the plugin's discovery cache).
    private readonly prefix = `/cool-${randomBytes(4).toString('hex')}`;

    get url(): string {
        return `http://127.0.0.1:${this.port}${this.prefix}`;
    }

    async start(): Promise<void> {
        await this.listen(0);
    }

    async setMode(mode: DiscoveryMode): Promise<void> {
        if (mode === 'down' && this.server) {
            await this.close();
        } else if (mode !== 'down' && !this.server) {
            await this.listen(this.port);
        }
        this.mode = mode;
    }

    async close(): Promise<void> {
        const server = this.server;
        this.server = null;
        if (!server) {
            return;
        }
        for (const socket of this.sockets) {
            socket.destroy();
        }
        await new Promise<void>((resolve) => server.close(() => resolve()));
    }

    private async listen(port: number): Promise<void> {
        const server = createServer((req, res) => {
            const full = (req.url ?? '').split('?')[0];
            const path = full.startsWith(`${this.prefix}/`) ? full.slice(this.prefix.length) : '';
            if (req.method === 'GET' && path === '/hosting/discovery') {
                this.discoveryRequests++;
                if (this.mode === 'garbage') {
                    res.writeHead(200, {'Content-Type': 'text/xml'});
                    res.end('<html><body>502 Bad Gateway from a confused proxy</body></html><wopi-discovery><net-zone');
                } else if (this.mode === 'error') {
                    res.writeHead(503, {'Content-Type': 'text/plain'});
                    res.end('unavailable');
                } else {
                    res.writeHead(200, {'Content-Type': 'text/xml'});
                    res.end(buildDiscoveryXml({serverUrl: this.url, versionHash: this.versionHash, proofKeyAttributes: this.signer.discoveryAttributes()}));
                }
            } else if (req.method === 'GET' && path === '/hosting/capabilities') {
                res.writeHead(200, {'Content-Type': 'application/json'});
                res.end(JSON.stringify({productName: 'Collabora Online (stress stand-in)', productVersion: '24.04.13.2', productVersionHash: this.versionHash, hasWopiAccessCheck: true}));
            } else {
                res.writeHead(404, {'Content-Type': 'text/plain'});
                res.end('not found');
            }
        });
        server.on('connection', (socket) => {
            this.sockets.add(socket);
            socket.on('close', () => this.sockets.delete(socket));
        });
        await new Promise<void>((resolve, reject) => {
            server.once('error', reject);
            server.listen(port, '127.0.0.1', () => resolve());
        });
        this.port = (server.address() as AddressInfo).port;
        this.server = server;
    }
}
