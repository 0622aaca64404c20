// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHmac} from 'node:crypto';

import {issueToken, MAX_TOKEN_LENGTH, verifyToken} from './access_token';
import type {TokenErrorCode} from './access_token';
import {generateTokenKey, parseTokenKey} from './token_key';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const KEY = Buffer.alloc(32, 7);
const OTHER_KEY = Buffer.alloc(32, 8);
const DOC = 'doc1234567890abcdefghijklm';

function issue(ttl = 600, mode: 'view' | 'edit' = 'edit') {
    return issueToken(KEY, {userId: 'user1', docId: DOC, mode}, ttl, NOW);
}

function resign(signedPart: string, key: Buffer): string {
    return `${signedPart}.${createHmac('sha256', key).update(signedPart).digest('base64url')}`;
}

describe('issueToken / verifyToken', () => {
    it('round-trips the claims and gives an absolute ms expiry for access_token_ttl', () => {
        const {token, claims} = issue(600);
        expect(claims).toEqual({userId: 'user1', docId: DOC, mode: 'edit', issuedAtMs: NOW, expiresAtMs: NOW + 600_000});
        expect(verifyToken(KEY, token, NOW + 1, DOC)).toEqual({ok: true, claims});
    });

    it('uses only URL-safe characters and a version prefix', () => {
        const {token} = issue();
        expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        expect(encodeURIComponent(token)).toBe(token);
    });

    it('keeps a view token a view token', () => {
        const {token} = issue(60, 'view');
        const result = verifyToken(KEY, token, NOW, DOC);
        expect(result.ok && result.claims.mode).toBe('view');
    });

    it('accepts until just before expiry and rejects at expiry', () => {
        const {token} = issue(10);
        expect(verifyToken(KEY, token, NOW + 9_999, DOC).ok).toBe(true);
        expect(verifyToken(KEY, token, NOW + 10_000, DOC)).toEqual({ok: false, code: 'TOKEN_EXPIRED'});
    });

    it('refuses bad issue arguments', () => {
        expect(() => issueToken(KEY, {userId: '', docId: DOC, mode: 'edit'}, 60, NOW)).toThrow(RangeError);
        expect(() => issueToken(KEY, {userId: 'u', docId: DOC, mode: 'edit'}, 0, NOW)).toThrow(RangeError);
        expect(() => issueToken(KEY, {userId: 'u', docId: 'x'.repeat(300), mode: 'edit'}, 60, NOW)).toThrow(RangeError);
    });

    const good = issue().token;
    const [, payloadPart, macPart] = good.split('.');
    const payloadOf = (obj: unknown) => Buffer.from(JSON.stringify(obj)).toString('base64url');
    const validPayload = {u: 'user1', d: DOC, m: 'edit', iat: NOW, exp: NOW + 600_000};

    const cases: Array<[string, string, TokenErrorCode]> = [
        ['empty', '', 'TOKEN_MALFORMED'],
        ['truncated', good.slice(0, good.length - 5), 'TOKEN_MALFORMED'],
        ['missing mac', `v1.${payloadPart}`, 'TOKEN_MALFORMED'],
        ['extra part', `${good}.x`, 'TOKEN_MALFORMED'],
        ['other version', `v2.${payloadPart}.${macPart}`, 'TOKEN_MALFORMED'],
        ['non-base64 payload', `v1.${payloadPart}!.${macPart}`, 'TOKEN_MALFORMED'],
        ['padded base64', `v1.${payloadPart}.${macPart}=`, 'TOKEN_MALFORMED'],
        ['standard base64 alphabet', `v1.${payloadPart}.${macPart.replace(/-/g, '+').replace(/_/g, '/')}+/`, 'TOKEN_MALFORMED'],
        ['huge', `v1.${'A'.repeat(MAX_TOKEN_LENGTH)}.${macPart}`, 'TOKEN_MALFORMED'],
        ['re-signed with another key', resign(`v1.${payloadPart}`, OTHER_KEY), 'TOKEN_BAD_SIGNATURE'],
        ['tampered payload, old mac', `v1.${payloadOf({...validPayload, m: 'edit', u: 'admin'})}.${macPart}`, 'TOKEN_BAD_SIGNATURE'],
        ['flipped mac bit', `v1.${payloadPart}.${(macPart[0] === 'A' ? 'B' : 'A') + macPart.slice(1)}`, 'TOKEN_BAD_SIGNATURE'],
        ['signed but not JSON', resign(`v1.${Buffer.from('nope').toString('base64url')}`, KEY), 'TOKEN_MALFORMED'],
        ['signed JSON array', resign(`v1.${payloadOf([1, 2])}`, KEY), 'TOKEN_MALFORMED'],
        ['signed, bad mode', resign(`v1.${payloadOf({...validPayload, m: 'admin'})}`, KEY), 'TOKEN_MALFORMED'],
        ['signed, exp as string', resign(`v1.${payloadOf({...validPayload, exp: String(NOW + 1000)})}`, KEY), 'TOKEN_MALFORMED'],
        ['signed, empty user', resign(`v1.${payloadOf({...validPayload, u: ''})}`, KEY), 'TOKEN_MALFORMED'],
        ['expired', issueToken(KEY, {userId: 'u', docId: DOC, mode: 'edit'}, 1, NOW - 5_000).token, 'TOKEN_EXPIRED'],
        ['other document', issueToken(KEY, {userId: 'u', docId: 'otherdoc', mode: 'edit'}, 60, NOW).token, 'TOKEN_WRONG_DOCUMENT'],
        ['a Mattermost session token', 'hx7bdkgc3tfgbexy5ipaf1u8ic', 'TOKEN_MALFORMED'],
    ];

    it.each(cases)('rejects %s', (_name, token, code) => {
        expect(verifyToken(KEY, token, NOW, DOC)).toEqual({ok: false, code});
    });

    it('never throws on non-string input', () => {
        expect(verifyToken(KEY, undefined as unknown as string, NOW, DOC)).toEqual({ok: false, code: 'TOKEN_MALFORMED'});
    });
});

describe('token keys', () => {
    it('generates 32 random bytes as base64 that parse back', () => {
        const a = generateTokenKey();
        const b = generateTokenKey();
        expect(a).not.toBe(b);
        const parsed = parseTokenKey(a);
        expect(parsed.ok && parsed.key.length).toBe(32);
    });

    it.each([
        ['too short', Buffer.alloc(16).toString('base64')],
        ['not base64', '!!!!'],
        ['empty', ''],
        ['bad length', 'abc'],
    ])('refuses a key that is %s', (_name, value) => {
        expect(parseTokenKey(value).ok).toBe(false);
    });
});
