// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {request as httpRequest} from 'node:http';
import {request as httpsRequest} from 'node:https';

export type WopiResponse = {
    status: number;

    // Lower-case names; repeated headers joined with ", ".
    headers: Record<string, string>;
    body: Buffer;
    text: () => string;

    // Parsed JSON body, or undefined when the body is not JSON.
    json: () => unknown;
};

// node:http rather than fetch: fetch forbids headers Collabora sends (Connection: close on the exit
// save) and may normalise the request-target, and the proof signature covers it byte for byte.
export function sendWopiRequest(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: Buffer,
): Promise<WopiResponse> {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const allHeaders: Record<string, string> = {...headers};
    if (method === 'POST') {
        allHeaders['Content-Length'] = String(body?.length ?? 0);
    }
    return new Promise((resolve, reject) => {
        const req = send({
            method,
            host: target.hostname,
            port: target.port,

            // Exactly the path + query we signed: no re-encoding.
            path: url.slice(url.indexOf('/', url.indexOf('//') + 2)),
            headers: allHeaders,
        }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => {
                const bodyBytes = Buffer.concat(chunks);
                const flat: Record<string, string> = {};
                for (const [name, value] of Object.entries(res.headers)) {
                    if (value !== undefined) {
                        flat[name] = Array.isArray(value) ? value.join(', ') : value;
                    }
                }
                resolve({
                    status: res.statusCode ?? 0,
                    headers: flat,
                    body: bodyBytes,
                    text: () => bodyBytes.toString('utf8'),
                    json: () => {
                        try {
                            return JSON.parse(bodyBytes.toString('utf8')) as unknown;
                        } catch {
                            return undefined;
                        }
                    },
                });
            });
            res.on('error', reject);
        });
        req.on('error', reject);
        req.end(method === 'POST' ? (body ?? Buffer.alloc(0)) : undefined);
    });
}
