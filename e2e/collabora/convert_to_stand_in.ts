// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {IncomingMessage, ServerResponse} from 'node:http';

import {minimalPdf} from './minimal_pdf';

// coolwsd's conversion API, POST /cool/convert-to[/<format>] (and the old /lool/ prefix), as
// COOL:wsd/ClientRequestDispatcher.cpp handlePostRequest answers it:
// - The caller's address must match net.post_allow (allowPostFrom: each entry a regular
//   expression matched against the whole address; coolwsd.xml's defaults allow loopback and the
//   private ranges), and so must every X-Forwarded-For entry (allowConvertTo). Otherwise: 403,
//   empty body. (Collabora also lets in a request whose Host is an allowed WOPI host, and looks
//   up names of forwarded addresses; the stand-in has no WOPI host list and does no DNS.)
// - The whole body is read first (coolwsd streams a POST with a Content-Length to a file before
//   handling it), so a refusal comes after the upload.
// - The document is the part with a filename (ConvertToPartHandler), the format is the path's
//   third segment or else the `format` field; either missing: 400, empty body.
// - Success: 200, application/octet-stream, Content-Disposition attachment with the document's
//   name and the format's extension (COOL:wsd/ClientSession.cpp, sendFileAndShutdown).
// - Password-protected documents: 401 with X-ERROR-KIND (ClientSession.cpp).
// - A document that fails to load, or a conversion over per_document.limit_convert_secs: the
//   broker stops and drops the socket, no answer (COOL:wsd/DocumentBroker.cpp).
// Tests change `behaviour` to refuse, fail or be slow.

export type ConvertOutcome = 'converted' | 'refused' | 'bad_request' | 'password' | 'failed' | 'abandoned';

export interface ConvertToBehaviour {
    // net.post_allow.host entries, as regular expressions.
    postAllow: string[];
    mode: 'convert' | 'fail' | 'password';
    // How long the conversion takes, in ms.
    delayMs: number;
}

export interface ConversionRecord {
    remoteAddress: string;
    fileName: string;
    format: string;
    fieldName: string;
    size: number;
    contentLength: number | null;
    chunked: boolean;
    outcome: ConvertOutcome;
}

// coolwsd.xml's default net.post_allow entries (loopback and the private IPv4 ranges, also in
// their IPv4-mapped IPv6 forms).
export const DEFAULT_POST_ALLOW = [
    '192\\.168\\.[0-9]{1,3}\\.[0-9]{1,3}', '::ffff:192\\.168\\.[0-9]{1,3}\\.[0-9]{1,3}',
    '127\\.0\\.0\\.1', '::ffff:127\\.0\\.0\\.1', '::1',
    '172\\.1[6789]\\.[0-9]{1,3}\\.[0-9]{1,3}', '::ffff:172\\.1[6789]\\.[0-9]{1,3}\\.[0-9]{1,3}',
    '172\\.2[0-9]\\.[0-9]{1,3}\\.[0-9]{1,3}', '::ffff:172\\.2[0-9]\\.[0-9]{1,3}\\.[0-9]{1,3}',
    '172\\.3[01]\\.[0-9]{1,3}\\.[0-9]{1,3}', '::ffff:172\\.3[01]\\.[0-9]{1,3}\\.[0-9]{1,3}',
    '10\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}', '::ffff:10\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}',
];

export const defaultConvertToBehaviour = (): ConvertToBehaviour => ({postAllow: [...DEFAULT_POST_ALLOW], mode: 'convert', delayMs: 0});

export function allowPostFrom(behaviour: ConvertToBehaviour, address: string): boolean {
    return behaviour.postAllow.some((pattern) => new RegExp(`^(?:${pattern})$`).test(address));
}

// allowConvertTo: the peer and every forwarded address must be allowed.
export function allowConvertTo(behaviour: ConvertToBehaviour, req: IncomingMessage): boolean {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return [req.socket.remoteAddress ?? '', ...forwarded].every((a) => allowPostFrom(behaviour, a));
}

interface FormPart {
    name: string;
    fileName: string | null;
    body: Buffer;
}

function parseMultipart(body: Buffer, contentType: string): FormPart[] {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) {
        return [];
    }
    const delimiter = Buffer.from(`--${boundary}`);
    const parts: FormPart[] = [];
    let start = body.indexOf(delimiter);
    while (start !== -1) {
        const next = body.indexOf(delimiter, start + delimiter.length);
        if (next === -1) {
            break;
        }
        const chunk = body.subarray(start + delimiter.length + 2, next - 2);
        const headEnd = chunk.indexOf('\r\n\r\n');
        if (headEnd !== -1) {
            const head = chunk.subarray(0, headEnd).toString('utf8');
            const disposition = /content-disposition:([^\r\n]*)/i.exec(head)?.[1] ?? '';
            parts.push({
                name: /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '',
                fileName: /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null,
                body: chunk.subarray(headEnd + 4),
            });
        }
        start = next;
    }
    return parts;
}

// handleConvertTo answers the conversion routes and returns true; false for other requests.
export function handleConvertTo(req: IncomingMessage, res: ServerResponse, behaviour: ConvertToBehaviour, record: (r: ConversionRecord) => void): boolean {
    const match = /^\/(?:cool|lool)\/convert-to(?:\/([^/?]*))?(?:\?.*)?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
        return false;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
        const body = Buffer.concat(chunks);
        const lengthHeader = req.headers['content-length'];
        const base = {
            remoteAddress: req.socket.remoteAddress ?? '', contentLength: lengthHeader === undefined ? null : Number(lengthHeader),
            chunked: /chunked/i.test(String(req.headers['transfer-encoding'] ?? '')),
        };
        const empty = (status: number, headers: Record<string, string> = {}): void => {
            res.writeHead(status, {'Content-Length': '0', Connection: 'close', ...headers});
            res.end();
        };
        if (!allowConvertTo(behaviour, req)) {
            record({...base, fileName: '', format: '', fieldName: '', size: body.length, outcome: 'refused'});
            empty(403);
            return;
        }
        const parts = parseMultipart(body, String(req.headers['content-type'] ?? ''));
        const file = parts.find((p) => p.fileName !== null && p.fileName !== '');
        const format = match[1] ? decodeURIComponent(match[1]) : parts.find((p) => p.name === 'format')?.body.toString('utf8') ?? '';
        const seen = {...base, fileName: file?.fileName ?? '', format, fieldName: file?.name ?? '', size: file?.body.length ?? 0};
        if (!file || !format) {
            record({...seen, outcome: 'bad_request'});
            empty(400);
            return;
        }
        if (behaviour.mode === 'password') {
            record({...seen, outcome: 'password'});
            empty(401, {'X-ERROR-KIND': 'passwordrequired:to-view'});
            return;
        }
        let finished = false;
        res.on('close', () => {
            if (!finished) {
                record({...seen, outcome: 'abandoned'});
            }
        });
        setTimeout(() => {
            if (res.destroyed) {
                return;
            }
            finished = true;
            if (behaviour.mode === 'fail') {
                record({...seen, outcome: 'failed'});
                req.socket.destroy();
                return;
            }
            const base = file.fileName!.replace(/\.[^.]*$/, '');
            const pdf = minimalPdf([`Converted by the Collabora Online stand-in`, `Document: ${file.fileName}`, `Size: ${file.body.length} bytes`, `Format: ${format}`]);
            record({...seen, outcome: 'converted'});
            res.writeHead(200, {
                'Content-Type': 'application/octet-stream',
                'Content-Disposition': `attachment; filename="${base}.${format}"`,
                'Content-Length': String(pdf.length),
                Connection: 'close',
            });
            res.end(pdf);
        }, behaviour.delayMs).unref();
    });
    return true;
}
