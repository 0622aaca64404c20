// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import http from 'node:http';

// One keep-alive agent for every request of a run, baseline and plugin alike, so both sides pay
// the same connection costs (none, after the first request on a socket).
export const agent = new http.Agent({keepAlive: true, maxSockets: 64, maxFreeSockets: 64});

export interface Reply {
    status: number;
    headers: http.IncomingHttpHeaders;
    // Bytes of the response body received.
    bytes: number;
    // The body, only when asked for (large downloads are counted, never kept).
    body: Buffer | null;
    // From writing the request to the last byte of the response.
    ms: number;
}

export interface SendOptions {
    method: 'GET' | 'POST' | 'PUT';
    // The request-target exactly as given: WOPI proofs sign it byte for byte.
    path: string;
    headers?: Record<string, string>;
    body?: Buffer;
    keepBody?: boolean;
}

// send makes one request to a loopback server and times it. The body is written from memory in
// one call; the response is drained as it arrives.
export function send(baseUrl: URL, options: SendOptions): Promise<Reply> {
    const headers: Record<string, string> = {...options.headers};
    if (options.body !== undefined) {
        headers['Content-Length'] = String(options.body.length);
    }
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const req = http.request({agent, host: baseUrl.hostname, port: baseUrl.port, method: options.method, path: options.path, headers}, (res) => {
            let bytes = 0;
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => {
                bytes += chunk.length;
                if (options.keepBody === true) {
                    chunks.push(chunk);
                }
            });
            res.on('end', () => resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                bytes,
                body: options.keepBody === true ? Buffer.concat(chunks) : null,
                ms: performance.now() - started,
            }));
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end(options.body);
    });
}

// expectStatus fails loudly: a benchmark that times error answers measures nothing.
export function expectStatus(reply: Reply, wanted: number, what: string): Reply {
    if (reply.status !== wanted) {
        const text = reply.body ? reply.body.toString('utf8').slice(0, 300) : '';
        throw new Error(`${what} answered ${reply.status} (wanted ${wanted}) ${text}`);
    }
    return reply;
}
