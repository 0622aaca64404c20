// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createPublicKey} from 'node:crypto';
import type {KeyObject} from 'node:crypto';

import type {DiscoveryProofKey, ProofKeyAttributes} from './discovery_types';

export type ProofKeySet = {current: KeyObject; old: KeyObject | null};

export type ImportProofKeysResult = {ok: true; keys: ProofKeySet} | {ok: false; reason: string};

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Discovery attributes are standard base64 big-endian integers (wopi-collabora.md 5.5).
function strictBase64(text: string): Buffer | null {
    const compact = text.replace(/\s+/g, '');
    return BASE64.test(compact) && compact.length % 4 === 0 ? Buffer.from(compact, 'base64') : null;
}

function fromModulusExponent(modulus: Buffer, exponent: Buffer): KeyObject | null {
    if (modulus.length < 128 || exponent.length === 0 || exponent.length > 8) {
        return null;
    }
    try {
        return createPublicKey({
            key: {kty: 'RSA', n: modulus.toString('base64url'), e: exponent.toString('base64url')},
            format: 'jwk',
        });
    } catch {
        return null;
    }
}

// `value` is a CAPI PUBLICKEYBLOB, what .NET ExportCspBlob and Collabora's RSA2CapiBlob produce:
// 06 02 00 00 | 00 A4 00 00 | "RSA1" | bit length (u32 LE) | exponent (u32 LE) | modulus (LE).
function fromCapiBlob(blob: Buffer): KeyObject | null {
    const header = Buffer.from([0x06, 0x02, 0x00, 0x00, 0x00, 0xa4, 0x00, 0x00, 0x52, 0x53, 0x41, 0x31]);
    if (blob.length < 20 || !blob.subarray(0, 12).equals(header)) {
        return null;
    }
    const bits = blob.readUInt32LE(12);
    if (bits % 8 !== 0 || blob.length !== 20 + bits / 8) {
        return null;
    }
    const exponent = Buffer.from(blob.subarray(16, 20)).reverse();
    const modulus = Buffer.from(blob.subarray(20)).reverse();
    let firstNonZero = 0;
    while (firstNonZero < exponent.length - 1 && exponent[firstNonZero] === 0) {
        firstNonZero += 1;
    }
    return fromModulusExponent(modulus, exponent.subarray(firstNonZero));
}

// Modulus/exponent first (the straightforward form); the blob only when they are absent or bad.
function importOne(attrs: ProofKeyAttributes): KeyObject | null {
    if (attrs.modulus !== null && attrs.exponent !== null) {
        const modulus = strictBase64(attrs.modulus);
        const exponent = strictBase64(attrs.exponent);
        const key = modulus !== null && exponent !== null ? fromModulusExponent(modulus, exponent) : null;
        if (key !== null) {
            return key;
        }
    }
    const blob = attrs.value === null ? null : strictBase64(attrs.value);
    return blob === null ? null : fromCapiBlob(blob);
}

export function importProofKeys(proofKey: DiscoveryProofKey): ImportProofKeysResult {
    const current = importOne(proofKey.current);
    if (current === null) {
        return {ok: false, reason: 'discovery proof-key attributes do not form an RSA public key'};
    }

    // A broken old key only loses the rotation fallback; it must not take the current key down.
    const old = proofKey.old === null ? null : importOne(proofKey.old);
    return {ok: true, keys: {current, old}};
}
