// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHmac, timingSafeEqual} from 'node:crypto';

// WOPI access tokens: "v1." + base64url(JSON claims) + "." + base64url(HMAC-SHA256).
// Only URL-safe characters ([A-Za-z0-9_-] and "."), because Collabora signs the *decoded* token
// while the URL carries it encoded; URL-safe tokens make both identical (wopi-collabora.md 5.2).
// The MAC covers the version prefix too, so a future format cannot be confused with this one.

export type TokenMode = 'view' | 'edit';

export type TokenClaims = {
    userId: string;
    docId: string;
    mode: TokenMode;
    issuedAtMs: number;

    // Absolute expiry in milliseconds since the Unix epoch: exactly what Collabora wants as
    // access_token_ttl (wopi-collabora.md 2.1, "not a duration").
    expiresAtMs: number;
};

export type TokenErrorCode = 'TOKEN_MALFORMED' | 'TOKEN_BAD_SIGNATURE' | 'TOKEN_EXPIRED' | 'TOKEN_WRONG_DOCUMENT';

export type VerifyTokenResult = {ok: true; claims: TokenClaims} | {ok: false; code: TokenErrorCode};

const VERSION = 'v1';
const MAC_BYTES = 32;

// Far above any real token (ids are ~26 chars); bounds the work done on hostile input.
export const MAX_TOKEN_LENGTH = 2048;
const MAX_ID_LENGTH = 256;
const B64URL = /^[A-Za-z0-9_-]+$/;

type Payload = {u: string; d: string; m: TokenMode; iat: number; exp: number};

function mac(key: Buffer, signedPart: string): Buffer {
    return createHmac('sha256', key).update(signedPart, 'utf8').digest();
}

function isId(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0 && value.length <= MAX_ID_LENGTH;
}

function isMs(value: unknown): value is number {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

// Issuing is not untrusted-input parsing: bad arguments are programming errors and throw.
export function issueToken(
    key: Buffer,
    claims: {userId: string; docId: string; mode: TokenMode},
    ttlSeconds: number,
    nowMs: number,
): {token: string; claims: TokenClaims} {
    if (!isId(claims.userId) || !isId(claims.docId)) {
        throw new RangeError('issueToken: userId and docId must be 1..256 characters');
    }
    if (claims.mode !== 'view' && claims.mode !== 'edit') {
        throw new RangeError('issueToken: mode must be view or edit');
    }
    if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0 || !isMs(nowMs)) {
        throw new RangeError('issueToken: ttlSeconds must be positive and nowMs a safe integer');
    }
    const full: TokenClaims = {
        userId: claims.userId,
        docId: claims.docId,
        mode: claims.mode,
        issuedAtMs: nowMs,
        expiresAtMs: nowMs + Math.round(ttlSeconds * 1000),
    };
    const payload: Payload = {u: full.userId, d: full.docId, m: full.mode, iat: full.issuedAtMs, exp: full.expiresAtMs};
    const signedPart = `${VERSION}.${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
    return {token: `${signedPart}.${mac(key, signedPart).toString('base64url')}`, claims: full};
}

function decodeB64url(part: string): Buffer | null {
    if (!B64URL.test(part)) {
        return null;
    }
    const bytes = Buffer.from(part, 'base64url');

    // Node's decoder ignores trailing garbage bits; insisting on the canonical form means one
    // token has exactly one spelling.
    return bytes.toString('base64url') === part ? bytes : null;
}

function parsePayload(bytes: Buffer): TokenClaims | null {
    let parsed: unknown;
    try {
        parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
        return null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return null;
    }
    const p = parsed as Record<string, unknown>;
    if (!isId(p.u) || !isId(p.d) || (p.m !== 'view' && p.m !== 'edit') || !isMs(p.iat) || !isMs(p.exp)) {
        return null;
    }
    return {userId: p.u, docId: p.d, mode: p.m, issuedAtMs: p.iat, expiresAtMs: p.exp};
}

export function verifyToken(key: Buffer, token: string, nowMs: number, expectedDocId: string): VerifyTokenResult {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
        return {ok: false, code: 'TOKEN_MALFORMED'};
    }
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== VERSION) {
        return {ok: false, code: 'TOKEN_MALFORMED'};
    }
    const payloadBytes = decodeB64url(parts[1]);
    const givenMac = decodeB64url(parts[2]);
    if (payloadBytes === null || givenMac === null || givenMac.length !== MAC_BYTES) {
        return {ok: false, code: 'TOKEN_MALFORMED'};
    }

    // Authenticate before looking inside: nothing from an unsigned payload influences the answer.
    const expectedMac = mac(key, `${parts[0]}.${parts[1]}`);
    if (!timingSafeEqual(expectedMac, givenMac)) {
        return {ok: false, code: 'TOKEN_BAD_SIGNATURE'};
    }
    const claims = parsePayload(payloadBytes);
    if (claims === null) {
        return {ok: false, code: 'TOKEN_MALFORMED'};
    }
    if (nowMs >= claims.expiresAtMs) {
        return {ok: false, code: 'TOKEN_EXPIRED'};
    }

    // A token is bound to one document: a valid token for file A must never open file B
    // (Nextcloud's WOPIMiddleware does the same check, wopi-collabora.md 9).
    if (claims.docId !== expectedDocId) {
        return {ok: false, code: 'TOKEN_WRONG_DOCUMENT'};
    }
    return {ok: true, claims};
}
