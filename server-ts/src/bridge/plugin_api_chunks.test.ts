// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';
import {Readable} from 'node:stream';

import {chunksOf} from './plugin_api_client';

const MiB = 1024 * 1024;
const CHUNK = 256 * 1024;

async function messages(pieces: Buffer[]): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for await (const chunk of chunksOf(Readable.from(pieces))) {
        out.push(Buffer.from(chunk));
    }
    return out;
}

describe('chunksOf: the messages a body goes to the shim in', () => {
    it('fills 256 KiB messages from the small pieces a socket delivers, in order, and sends the rest last', async () => {
        const pieces = Array.from({length: 10}, () => randomBytes(64 * 1024)).concat([randomBytes(100)]);
        const out = await messages(pieces);
        expect(out.map((m) => m.length)).toEqual([CHUNK, CHUNK, 128 * 1024 + 100]);
        expect(Buffer.concat(out).equals(Buffer.concat(pieces))).toBe(true);
    });

    it('splits a piece larger than a message', async () => {
        const big = randomBytes(MiB + 5);
        const out = await messages([randomBytes(10), big]);
        expect(out.map((m) => m.length)).toEqual([CHUNK, CHUNK, CHUNK, CHUNK, 15]);
        expect(Buffer.concat(out).subarray(10).equals(big)).toBe(true);
    });

    it('sends nothing for an empty body', async () => {
        expect(await messages([])).toEqual([]);
    });
});
