// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// HTTP/1.1 written by hand on a socket: the fuzzer sends request lines and headers that Node's
// HTTP client refuses to produce (control characters, duplicate or huge headers, lying
// Content-Length), exactly as a hostile client could.

import {connect} from 'node:net';

export interface RawRequest {
    method: string;
    // The request-target, sent as is.
    target: string;
    // Header lines in order, names and values as is (duplicates allowed); a null value sends
    // the name alone, a line without a colon.
    headers: Array<[string, string | null]>;
    body?: Buffer;
    // Content-Length to announce; defaults to the body's length. null: none at all.
    contentLength?: number | null;
}

export interface RawResponse {
    status: number;
    headers: Record<string, string>;
    body: Buffer;
}

const HEAD_END = Buffer.from('\r\n\r\n');

function parseHead(head: string): {status: number; headers: Record<string, string>} {
    const lines = head.split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1] ?? NaN);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) {
            const name = line.slice(0, colon).trim().toLowerCase();
            const value = line.slice(colon + 1).trim();
            headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
        }
    }
    return {status, headers};
}

// sendRaw writes the request and resolves with the first complete response. The connection is
// closed after it (Connection: close), so a server that reads no further cannot stall us.
export function sendRaw(host: string, port: number, req: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
    const body = req.body ?? Buffer.alloc(0);
    const lines = [`${req.method} ${req.target} HTTP/1.1`, `Host: ${host}:${port}`, ...req.headers.map(([n, v]) => (v === null ? n : `${n}: ${v}`))];
    const length = req.contentLength === undefined ? body.length : req.contentLength;
    if (length !== null) {
        lines.push(`Content-Length: ${length}`);
    }
    lines.push('Connection: close', '', '');
    const head = Buffer.from(lines.join('\r\n'), 'latin1');
    return new Promise((resolve, reject) => {
        const socket = connect({host, port});
        let buf = Buffer.alloc(0);
        let parsed: {status: number; headers: Record<string, string>; bodyStart: number} | null = null;
        let settled = false;
        const finish = (err: Error | null): void => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(timer);
            socket.destroy();
            if (err) {
                reject(err);
            } else if (!parsed) {
                reject(new Error(`no HTTP response to ${req.method} ${req.target.slice(0, 120)} (got ${buf.length} bytes)`));
            } else {
                resolve({status: parsed.status, headers: parsed.headers, body: buf.subarray(parsed.bodyStart)});
            }
        };
        const timer = setTimeout(() => finish(new Error(`no complete answer within ${timeoutMs} ms to ${req.method} ${req.target.slice(0, 120)}`)), timeoutMs);
        const complete = (): boolean => {
            if (!parsed) {
                const end = buf.indexOf(HEAD_END);
                if (end < 0) {
                    return false;
                }
                parsed = {...parseHead(buf.subarray(0, end).toString('latin1')), bodyStart: end + 4};
            }
            const declared = parsed.headers['content-length'];
            if (declared !== undefined) {
                return buf.length - parsed.bodyStart >= Number(declared);
            }
            // Chunked or close-delimited: wait for the end of the connection.
            return parsed.headers['transfer-encoding'] === 'chunked' && buf.subarray(parsed.bodyStart).includes(Buffer.from('0\r\n\r\n'));
        };
        socket.on('data', (chunk: Buffer) => {
            buf = Buffer.concat([buf, chunk]);
            if (complete()) {
                finish(null);
            }
        });
        socket.on('end', () => finish(null));
        socket.on('close', () => finish(null));
        // The server may answer and close before the body is written (413 early): that is an
        // answer, not an error, as long as a response head arrived.
        socket.on('error', (err) => (parsed ? finish(null) : finish(err)));
        // One write, as a client with the whole request at hand sends it: a server that
        // refuses the head (400 and close) then finds nothing more arriving after its answer,
        // and we read that answer instead of a reset on a second write.
        socket.write(Buffer.concat([head, body]));
    });
}
