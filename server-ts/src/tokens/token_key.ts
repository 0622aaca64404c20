// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

// 32 bytes = 256 bits, the HMAC-SHA256 block-size guidance (RFC 2104 section 3: keys shorter than
// the hash output weaken the MAC). The key is stored base64 in the plugin settings/KV store.
export const TOKEN_KEY_BYTES = 32;

export type TokenKeyResult = {ok: true; key: Buffer} | {ok: false; error: string};

export function generateTokenKey(): string {
    return randomBytes(TOKEN_KEY_BYTES).toString('base64');
}

// Parses a stored key. A key that is too short is refused rather than padded: a truncated
// setting must fail loudly at activation, not mint weak tokens.
export function parseTokenKey(encoded: string): TokenKeyResult {
    const trimmed = encoded.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) || trimmed.length % 4 !== 0) {
        return {ok: false, error: 'token key is not standard base64'};
    }
    const key = Buffer.from(trimmed, 'base64');
    if (key.length < TOKEN_KEY_BYTES) {
        return {ok: false, error: `token key must be at least ${TOKEN_KEY_BYTES} bytes, got ${key.length}`};
    }
    return {ok: true, key};
}
