// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {once} from 'node:events';
import http from 'node:http';

import type {Header, HTTPRequestHead, ServeHTTPRequest, ServeHTTPResponse} from '../gen/bridge/v1/bridge';
import {BRIDGE_HEADER_PREFIX, BridgeHeaders} from '../http/bridge_headers';

// Headers that describe one hop, not the message (RFC 9110 section 7.6.1).
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);
// Response chunks sent back to the shim; the shim writes each one and flushes.
const MAX_RESPONSE_CHUNK = 64 * 1024;

// The app's server (fastify) closes a keep-alive connection after 72 s of quiet; an idle socket
// here is dropped after 30 s, so a request never goes out on a socket the server is closing
// (that race answered "socket hang up").
const IDLE_SOCKET_MS = 30_000;
const agent = new http.Agent({keepAlive: true, maxSockets: 256, timeout: IDLE_SOCKET_MS});
const HEAD_ALONE_AFTER_MS = 50;

// Header values arrive as the UTF-8 text of the client's bytes; Node sends header text as
// latin1 and refuses characters above U+00FF. Passing the UTF-8 bytes as latin1 text puts the
// client's exact bytes on the inner wire, which is what the inner server would have seen.
function asWireText(value: string): string {
    return Buffer.from(value, 'utf8').toString('latin1');
}

function requestHeaders(head: HTTPRequestHead): http.OutgoingHttpHeaders {
    const headers: http.OutgoingHttpHeaders = {};
    for (const h of head.headers) {
        const name = h.name.toLowerCase();
        // Our own context headers are set below from what the shim vouches for; a client
        // cannot smuggle them in.
        if (HOP_BY_HOP.has(name) || name.startsWith(BRIDGE_HEADER_PREFIX)) {
            continue;
        }
        const values = h.values.map(asWireText);
        headers[name] = values.length === 1 ? values[0] : values;
    }
    headers.host = head.host || 'localhost';
    headers[BridgeHeaders.requestUri] = encodeURIComponent(head.requestUri);
    headers[BridgeHeaders.remoteAddr] = head.remoteAddr;
    headers[BridgeHeaders.clientIp] = head.context?.ipAddress ?? '';
    headers[BridgeHeaders.sessionId] = head.context?.sessionId ?? '';
    return headers;
}

function responseHeaders(res: http.IncomingMessage): Header[] {
    const out: Header[] = [];
    for (const [name, value] of Object.entries(res.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) {
            out.push({name, values: Array.isArray(value) ? value : [value]});
        }
    }
    return out;
}

function textResponse(status: number, text: string): ServeHTTPResponse[] {
    return [
        {part: {$case: 'head', value: {statusCode: status, headers: [{name: 'content-type', values: ['text/plain; charset=utf-8']}]}}},
        {part: {$case: 'bodyChunk', value: Buffer.from(text)}},
    ];
}

// forwardHttp carries one ServeHTTP call to the sidecar's own HTTP app on a unix socket,
// streaming both bodies with backpressure. When the call is cancelled (the client went away),
// the inner request is aborted, and the route handler sees its request close.
export async function* forwardHttp(requests: AsyncIterable<ServeHTTPRequest>, signal: AbortSignal, socketPath: string): AsyncGenerator<ServeHTTPResponse> {
    const incoming = requests[Symbol.asyncIterator]();
    const first = await incoming.next();
    if (first.done || first.value.part?.$case !== 'head') {
        yield* textResponse(400, 'The bridge received no request head.');
        return;
    }
    const head = first.value.part.value;
    // Node's HTTP parser (the app's server) knows only these methods and drops the connection
    // on any other, which the client side would see as a broken pipe: refuse it here.
    // Answered as the app answers a request no route takes (JSON).
    if (!http.METHODS.includes(head.method)) {
        const body = {error: 'Not Implemented', code: 'METHOD_NOT_SUPPORTED', message: 'The request method is not supported.'};
        yield {part: {$case: 'head', value: {statusCode: 501, headers: [{name: 'content-type', values: ['application/json; charset=utf-8']}]}}};
        yield {part: {$case: 'bodyChunk', value: Buffer.from(JSON.stringify(body))}};
        return;
    }
    let inner: http.ClientRequest;
    try {
        inner = http.request({socketPath, agent, method: head.method, path: head.path || '/', headers: requestHeaders(head)});
    } catch {
        // Node refuses what it cannot send (a method or header it considers invalid): that is
        // the client's request at fault, not the sidecar.
        yield* textResponse(400, 'The request has a method or header that cannot be handled.');
        return;
    }
    // Errors after the response has started surface through the response stream below; this
    // listener keeps an aborted request from becoming an uncaught 'error' event.
    inner.on('error', () => undefined);
    // The agent's idle timeout also fires on a socket in use (a long upload or a slow answer):
    // that is no reason to give up on the request.
    inner.on('timeout', () => undefined);
    // The head normally goes out with the first body chunk or the end. When neither comes
    // soon (a slow or stalled upload; the shim sends the body in filled 1 MiB messages), it goes
    // out alone, so the app can still refuse the request (bad token, lock conflict, declared
    // size over the limit) without waiting for a body that may never come.
    const flushHead = setTimeout(() => inner.flushHeaders(), HEAD_ALONE_AFTER_MS);
    const abort = (): void => void inner.destroy(new Error('the client went away'));
    signal.addEventListener('abort', abort, {once: true});
    try {
        const pump = (async () => {
            for (let next = await incoming.next(); !next.done; next = await incoming.next()) {
                const part = next.value.part;
                if (part?.$case === 'bodyChunk' && !inner.write(part.value)) {
                    await once(inner, 'drain');
                }
            }
            inner.end();
        })();
        pump.catch((err: unknown) => inner.destroy(err instanceof Error ? err : new Error(String(err))));
        let res: http.IncomingMessage;
        try {
            [res] = (await once(inner, 'response')) as [http.IncomingMessage];
        } catch (err) {
            if (!signal.aborted) {
                yield* textResponse(502, `The request could not be handled: ${err instanceof Error ? err.message : String(err)}`);
            }
            return;
        }
        yield {part: {$case: 'head', value: {statusCode: res.statusCode ?? 500, headers: responseHeaders(res)}}};
        for await (const chunk of res) {
            const buf = chunk as Buffer;
            for (let off = 0; off < buf.length; off += MAX_RESPONSE_CHUNK) {
                yield {part: {$case: 'bodyChunk', value: buf.subarray(off, off + MAX_RESPONSE_CHUNK)}};
            }
        }
    } finally {
        clearTimeout(flushHead);
        signal.removeEventListener('abort', abort);
        if (!inner.writableFinished || signal.aborted) {
            inner.destroy();
        }
    }
}
