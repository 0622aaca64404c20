// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A minimal S3 client for the tests (ListObjectsV2, HeadObject, GetObject), signing with AWS
// Signature Version 4 as any real store requires, path-style (http://host:port/bucket/key).
// Small on purpose: the tests look into the bucket, they never write to it.

import {createHash, createHmac} from 'node:crypto';

export interface S3Config {
    // e.g. http://127.0.0.1:9065
    endpointUrl: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
}

export interface S3Object {
    key: string;
    size: number;
    etag: string;
}

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

// RFC 3986 percent-encoding, as SigV4 wants it ('/' kept in paths).
function encode(value: string, keepSlash = false): string {
    const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

function hmac(key: Buffer | string, data: string): Buffer {
    return createHmac('sha256', key).update(data, 'utf8').digest();
}

function xmlText(s: string): string {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');
}

function tag(xml: string, name: string): string | undefined {
    const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
    return m ? xmlText(m[1]) : undefined;
}

function canonicalQueryString(query: Record<string, string>): string {
    return Object.keys(query).sort().map((k) => `${encode(k)}=${encode(query[k])}`).join('&');
}

export interface SignInput {
    method: string;
    host: string;
    // Already percent-encoded, as sent.
    path: string;
    query: Record<string, string>;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    now: Date;
}

// AWS Signature Version 4 for a request without a body: the headers to send (x-amz-date,
// x-amz-content-sha256, Authorization); Host is signed and left to the HTTP client.
export function signV4(input: SignInput): Record<string, string> {
    const amzDate = input.now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const signed: Record<string, string> = {host: input.host, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': amzDate};
    const names = Object.keys(signed).sort();
    const canonicalRequest = [input.method, input.path, canonicalQueryString(input.query), ...names.map((n) => `${n}:${signed[n]}`), '', names.join(';'), EMPTY_SHA256].join('\n');
    const scope = `${day}/${input.region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
    const signingKey = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
    const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
    return {
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': amzDate,
        Authorization: `AWS4-HMAC-SHA256 Credential=${input.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    };
}

export class S3Client {
    constructor(private readonly config: S3Config) {}

    // The signed request (path-style: the bucket is the first path segment).
    signedRequest(method: 'GET' | 'HEAD', key: string, query: Record<string, string> = {}): {url: string; headers: Record<string, string>} {
        const endpoint = new URL(this.config.endpointUrl);
        const path = `/${encode(this.config.bucket)}${key === '' ? '' : `/${encode(key, true)}`}`;
        const headers = signV4({...this.config, method, host: endpoint.host, path, query, now: new Date()});
        const canonicalQuery = canonicalQueryString(query);
        return {url: `${endpoint.origin}${path}${canonicalQuery ? `?${canonicalQuery}` : ''}`, headers};
    }

    private async send(method: 'GET' | 'HEAD', key: string, query: Record<string, string> = {}): Promise<Response> {
        const {url, headers} = this.signedRequest(method, key, query);
        return fetch(url, {method, headers});
    }

    // Every object under the prefix, following continuation tokens.
    async listObjects(prefix = ''): Promise<S3Object[]> {
        const out: S3Object[] = [];
        let token: string | undefined;
        do {
            const query: Record<string, string> = {'list-type': '2', prefix};
            if (token !== undefined) {
                query['continuation-token'] = token;
            }
            const res = await this.send('GET', '', query);
            const xml = await res.text();
            if (res.status !== 200) {
                throw new Error(`ListObjectsV2 ${this.config.bucket}/${prefix}: ${res.status} ${xml.slice(0, 300)}`);
            }
            for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
                out.push({key: tag(m[1], 'Key') ?? '', size: Number(tag(m[1], 'Size')), etag: (tag(m[1], 'ETag') ?? '').replace(/"/g, '')});
            }
            token = tag(xml, 'IsTruncated') === 'true' ? tag(xml, 'NextContinuationToken') : undefined;
        } while (token !== undefined);
        return out;
    }

    // The object's size from HeadObject, or undefined when there is no such object.
    async headObject(key: string): Promise<number | undefined> {
        const res = await this.send('HEAD', key);
        if (res.status === 404) {
            return undefined;
        }
        if (res.status !== 200) {
            throw new Error(`HeadObject ${key}: ${res.status}`);
        }
        return Number(res.headers.get('content-length'));
    }

    async getObject(key: string): Promise<Buffer> {
        const res = await this.send('GET', key);
        if (res.status !== 200) {
            throw new Error(`GetObject ${key}: ${res.status} ${(await res.text()).slice(0, 300)}`);
        }
        return Buffer.from(await res.arrayBuffer());
    }
}
