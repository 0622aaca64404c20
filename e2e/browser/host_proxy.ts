// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A small reverse proxy in front of Mattermost, like the nginx of a real installation: the Site
// URL is this proxy's address, so the browser sees one origin for the Mattermost API, the plugin
// bundle, the plugin's routes and the host page (cookies, CSRF and PostMessageOrigin all work as in
// production). It serves the host page at /e2e-host/ and forwards everything else, websocket
// upgrades included, unchanged (Host header kept, as Mattermost's websocket origin check expects).

import {build} from 'esbuild';
import {createServer, request as httpRequest} from 'node:http';
import type {IncomingMessage, Server} from 'node:http';
import {connect} from 'node:net';
import type {Socket} from 'node:net';
import {join} from 'node:path';

export const HOST_PATH = '/e2e-host/';

export type HostProxy = {url: string; close: () => Promise<void>};

const INDEX_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Mattermost (host page for plugin tests)</title></head>
<body><div id="root"></div><script src="${HOST_PATH}host.js"></script></body>
</html>
`;

// Bundles host/main.tsx for the browser (React 18, mattermost-redux, react-intl from e2e's deps).
// server/channels/web/handlers.go: the headers Mattermost serves its pages with (root.html too).
export const PAGE_HEADERS = {
    'Content-Security-Policy': 'frame-ancestors \'self\' teams.microsoft.com; script-src \'self\' cdn.rudderlabs.com',
    'X-Frame-Options': 'SAMEORIGIN',
    'Referrer-Policy': 'no-referrer',
};

export async function buildHostBundle(): Promise<string> {
    const result = await build({
        entryPoints: [join(__dirname, 'host', 'main.tsx')],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'chrome120',
        jsx: 'transform',
        define: {'process.env.NODE_ENV': '"production"'},
        logLevel: 'error',
    });
    return result.outputFiles[0].text;
}

export async function startHostProxy(options: {listenUrl: string; mattermostUrl: string; hostBundle: string}): Promise<HostProxy> {
    const listen = new URL(options.listenUrl);
    const target = new URL(options.mattermostUrl);
    const sockets = new Set<Socket>();

    const server: Server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (req.method === 'GET' && (path === HOST_PATH || path === HOST_PATH.slice(0, -1))) {
            res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...PAGE_HEADERS});
            res.end(INDEX_HTML);
            return;
        }
        if (req.method === 'GET' && path === '/favicon.ico') {
            // Mattermost serves it from its web app build, which this server does not have.
            res.writeHead(204);
            res.end();
            return;
        }
        if (req.method === 'GET' && path === `${HOST_PATH}host.js`) {
            res.writeHead(200, {'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store'});
            res.end(options.hostBundle);
            return;
        }
        const upstream = httpRequest({
            host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers,
        }, (upRes) => {
            res.writeHead(upRes.statusCode ?? 502, upRes.rawHeaders as unknown as Record<string, string>);
            upRes.pipe(res);
        });
        upstream.on('error', (err) => {
            if (!res.headersSent) {
                res.writeHead(502, {'Content-Type': 'text/plain'});
            }
            res.end(`proxy: ${err.message}`);
        });
        req.pipe(upstream);
    });

    // Websocket: replay the upgrade request upstream, then splice the two sockets.
    server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
        const up = connect(Number(target.port), target.hostname, () => {
            const lines = [`${req.method} ${req.url} HTTP/1.1`];
            for (let i = 0; i < req.rawHeaders.length; i += 2) {
                lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
            }
            up.write(lines.join('\r\n') + '\r\n\r\n');
            if (head.length > 0) {
                up.write(head);
            }
            socket.pipe(up).pipe(socket);
        });
        sockets.add(socket);
        sockets.add(up);
        const end = () => {
            socket.destroy();
            up.destroy();
            sockets.delete(socket);
            sockets.delete(up);
        };
        up.on('error', end);
        up.on('close', end);
        socket.on('error', end);
        socket.on('close', end);
    });

    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(Number(listen.port), listen.hostname, () => resolve());
    });
    return {
        url: listen.origin,
        close: () => new Promise<void>((resolve) => {
            for (const s of sockets) {
                s.destroy();
            }
            server.close(() => resolve());
            server.closeAllConnections();
        }),
    };
}
