// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import http from 'node:http';
import https from 'node:https';

export interface FetchResult {
    status: number;
    body: string;
    headers: http.IncomingHttpHeaders;
}

export interface FetchOptions {
    skipTlsVerify: boolean;
    timeoutMs: number;
    maxBytes: number;
}

// fetchText GETs a URL from Collabora with a deadline and a size cap. Node's global fetch cannot
// turn TLS verification off per request, which the admin's "skip TLS verification" needs.
export function fetchText(url: string, options: FetchOptions): Promise<FetchResult> {
    return new Promise((resolve, reject) => {
        let parsed: URL;
        try {
            parsed = new URL(url);
        } catch {
            reject(new Error(`"${url}" is not a valid URL`));
            return;
        }
        const lib = parsed.protocol === 'https:' ? https : parsed.protocol === 'http:' ? http : null;
        if (!lib) {
            reject(new Error(`"${url}" must start with http:// or https://`));
            return;
        }
        const req = lib.get(parsed, {timeout: options.timeoutMs, rejectUnauthorized: !options.skipTlsVerify}, (res) => {
            const chunks: Buffer[] = [];
            let size = 0;
            res.on('data', (c: Buffer) => {
                size += c.length;
                if (size > options.maxBytes) {
                    req.destroy(new Error(`the answer is larger than ${options.maxBytes} bytes`));
                    return;
                }
                chunks.push(c);
            });
            res.on('end', () => resolve({status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers}));
            res.on('error', reject);
        });
        req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
        req.on('error', reject);
    });
}
