// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';
import {createWriteStream} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';

// Collabora Online's conversion API as the Mattermost server calls it (COOL:
// wsd/ClientRequestDispatcher.cpp, handlePostRequest):
// - POST <collabora>/cool/convert-to/<format>, a multipart form; the format in the path wins
//   over a `format` field. The document is the part that has a filename (ConvertToPartHandler);
//   by convention its field is `data`.
// - Only addresses in coolwsd.xml's net.post_allow (or a WOPI host named by the request's Host)
//   may convert: anyone else gets 403 with an empty body (allowConvertTo).
// - A missing file part or format: 400. A password-protected document: 401 with X-ERROR-KIND
//   (wsd/ClientSession.cpp). Success: 200, application/octet-stream, Content-Disposition
//   attachment with the converted file's name (ClientSession.cpp, sendFileAndShutdown).
// - A document that fails to load, or takes longer than per_document.limit_convert_secs (100 s
//   by default), ends with the connection closed and no answer (wsd/DocumentBroker.cpp stops
//   the broker and drops its sockets).
// - Collabora streams the upload to a file only when the request has a Content-Length and is not
//   chunked (ClientRequestDispatcher.cpp, handleIncomingMessage); a chunked body is held in
//   memory. So the length is always sent.

export type ConversionFailure = 'COLLABORA_UNREACHABLE' | 'CONVERSION_NOT_ALLOWED' | 'CONVERSION_FAILED' | 'CONVERSION_TIMEOUT' | 'PDF_TOO_LARGE' | 'CANCELLED';

export class ConversionError extends Error {
    constructor(readonly code: ConversionFailure, message: string) {
        super(message);
        this.name = 'ConversionError';
    }
}

export interface ConvertRequest {
    // Collabora as the Mattermost server reaches it (the internal URL, else the public one).
    baseUrl: string;
    skipTlsVerify: boolean;
    format: 'pdf';
    fileName: string;
    // The exact byte count `body` yields.
    size: number;
    body: Readable;
    // Where the converted file is written.
    destination: string;
    maxBytes: number;
    timeoutMs: number;
    signal?: AbortSignal;
    onSent?: (bytes: number) => void;
    onReceived?: (bytes: number) => void;
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ETIMEDOUT']);

// A file name as a quoted multipart parameter: no quotes, backslashes or control characters.
export const multipartFileName = (name: string): string => name.replace(/["\\\p{Cc}]/gu, '_') || 'document';

export function convertToUrl(baseUrl: string, format: string): string {
    return `${baseUrl.replace(/\/+$/, '')}/cool/convert-to/${encodeURIComponent(format)}`;
}

export function describeStatus(status: number, errorKind: string | undefined): ConversionError {
    if (status === 403) {
        return new ConversionError('CONVERSION_NOT_ALLOWED', 'Collabora Online refused to convert for this Mattermost server (HTTP 403): add the Mattermost server\'s address to net.post_allow in coolwsd.xml.');
    }
    if (status === 401) {
        const kind = errorKind ? ` (${errorKind})` : '';
        return new ConversionError('CONVERSION_FAILED', `The document is password protected${kind}; Collabora Online cannot convert it.`);
    }
    if (status === 413) {
        return new ConversionError('CONVERSION_FAILED', 'The document is larger than Collabora Online accepts (HTTP 413).');
    }
    return new ConversionError('CONVERSION_FAILED', `Collabora Online could not convert the document (HTTP ${status}).`);
}

// convertDocument streams the document to Collabora and the answer to `destination`, never
// holding either whole. Resolves with the size of the converted file; rejects with a
// ConversionError saying why.
export function convertDocument(req: ConvertRequest): Promise<{size: number}> {
    return new Promise((resolve, reject) => {
        let url: URL;
        try {
            url = new URL(convertToUrl(req.baseUrl, req.format));
        } catch {
            reject(new ConversionError('COLLABORA_UNREACHABLE', `"${req.baseUrl}" is not a valid Collabora Online URL.`));
            return;
        }
        const lib = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
        if (!lib) {
            reject(new ConversionError('COLLABORA_UNREACHABLE', `"${req.baseUrl}" must start with http:// or https://.`));
            return;
        }
        if (req.signal?.aborted) {
            req.body.destroy();
            reject(new ConversionError('CANCELLED', 'The export was cancelled.'));
            return;
        }
        const boundary = `----collabora-mattermost-${randomBytes(12).toString('hex')}`;
        const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"; filename="${multipartFileName(req.fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
        const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
        let settled = false;
        let connected = false;
        const finish = (err: ConversionError | null, size = 0): void => {
            if (settled) {
                return;
            }
            settled = true;
            clearTimeout(deadline);
            req.signal?.removeEventListener('abort', onAbort);
            if (err) {
                outgoing.destroy();
                req.body.destroy();
                reject(err);
            } else {
                resolve({size});
            }
        };
        const outgoing = lib.request(url, {
            method: 'POST',
            rejectUnauthorized: !req.skipTlsVerify,
            headers: {
                'Content-Type': `multipart/form-data; boundary=${boundary}`,
                'Content-Length': String(head.length + req.size + tail.length),
            },
        });
        // First, so that no error of the request, even after it was given up, goes unheard.
        outgoing.on('error', (err: NodeJS.ErrnoException) => {
            if (!connected && NETWORK_CODES.has(err.code ?? '')) {
                finish(new ConversionError('COLLABORA_UNREACHABLE', `Collabora Online could not be reached at ${url.origin}: ${err.message}.`));
            } else if (/certificate|self[- ]signed|SSL|TLS/i.test(err.message)) {
                finish(new ConversionError('COLLABORA_UNREACHABLE', `The TLS connection to Collabora Online failed: ${err.message}.`));
            } else {
                finish(new ConversionError('CONVERSION_FAILED', 'Collabora Online closed the connection without an answer: it could not load or convert the document (its log says why), or the conversion took longer than its per_document.limit_convert_secs.'));
            }
        });
        outgoing.on('socket', (socket) => socket.once('connect', () => { connected = true; }));
        const deadline = setTimeout(() => finish(new ConversionError('CONVERSION_TIMEOUT', `Collabora Online did not finish the conversion within ${Math.round(req.timeoutMs / 1000)} s.`)), req.timeoutMs);
        const onAbort = (): void => finish(new ConversionError('CANCELLED', 'The export was cancelled.'));
        req.signal?.addEventListener('abort', onAbort);
        outgoing.on('response', (res) => {
            if (res.statusCode !== 200) {
                const kind = res.headers['x-error-kind'];
                res.resume();
                finish(describeStatus(res.statusCode ?? 0, typeof kind === 'string' ? kind : undefined));
                return;
            }
            let received = 0;
            let first = Buffer.alloc(0);
            const counted = res.map((chunk: Buffer) => {
                received += chunk.length;
                if (first.length < 5) {
                    first = Buffer.concat([first, chunk.subarray(0, 5)]);
                }
                if (received > req.maxBytes) {
                    throw new ConversionError('PDF_TOO_LARGE', `The PDF is larger than Mattermost accepts (${req.maxBytes} bytes).`);
                }
                req.onReceived?.(received);
                return chunk;
            });
            pipeline(counted, createWriteStream(req.destination)).then(() => {
                if (!first.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
                    finish(new ConversionError('CONVERSION_FAILED', 'Collabora Online answered with something that is not a PDF.'));
                    return;
                }
                finish(null, received);
            }, (err: unknown) => {
                finish(err instanceof ConversionError ? err : new ConversionError('CONVERSION_FAILED', 'The connection to Collabora Online broke while the PDF was being received.'));
            });
        });

        let sent = 0;
        async function* body(): AsyncGenerator<Buffer> {
            yield head;
            for await (const chunk of req.body) {
                sent += (chunk as Buffer).length;
                req.onSent?.(sent);
                yield chunk as Buffer;
            }
            if (sent !== req.size) {
                throw new Error(`the document had ${sent} bytes instead of ${req.size}`);
            }
            yield tail;
        }
        pipeline(Readable.from(body()), outgoing).catch((err: unknown) => {
            // The upload failing after Collabora answered (403 answers before reading) is no news.
            if (!settled && !(outgoing.writableFinished)) {
                finish(new ConversionError('CONVERSION_FAILED', `The document could not be sent to Collabora Online: ${err instanceof Error ? err.message : String(err)}.`));
            }
        });
    });
}
