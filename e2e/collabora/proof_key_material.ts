// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {generateKeyPairSync} from 'node:crypto';
import type {KeyObject} from 'node:crypto';

// One RSA proof key as coolwsd publishes it in discovery (COOL:wsd/ProofKey.cpp): `modulus` and
// `exponent` as base64 big-endian integers, `value` as a CAPI PUBLICKEYBLOB (RSA2CapiBlob).
export type ProofKeyMaterial = {
    privateKey: KeyObject;
    publicKey: KeyObject;
    modulus: string;
    exponent: string;
    value: string;
};

function capiBlob(modulus: Buffer, exponent: Buffer): Buffer {
    const bitLength = Buffer.alloc(4);
    bitLength.writeUInt32LE(modulus.length * 8);

    // The exponent is stored as a 4-byte little-endian integer (newer COOL; very old builds
    // wrote only the exponent's own bytes).
    const exponent32 = Buffer.alloc(4);
    Buffer.from(exponent).reverse().copy(exponent32);
    return Buffer.concat([
        Buffer.from([0x06, 0x02, 0x00, 0x00, 0x00, 0xa4, 0x00, 0x00, 0x52, 0x53, 0x41, 0x31]),
        bitLength,
        exponent32,
        Buffer.from(modulus).reverse(),
    ]);
}

export function generateProofKey(modulusLength = 2048): ProofKeyMaterial {
    const {privateKey, publicKey} = generateKeyPairSync('rsa', {modulusLength, publicExponent: 0x10001});
    const jwk = publicKey.export({format: 'jwk'});
    if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') {
        throw new Error('RSA public key has no modulus/exponent');
    }
    const modulus = Buffer.from(jwk.n, 'base64url');
    const exponent = Buffer.from(jwk.e, 'base64url');
    return {
        privateKey,
        publicKey,
        modulus: modulus.toString('base64'),
        exponent: exponent.toString('base64'),
        value: capiBlob(modulus, exponent).toString('base64'),
    };
}
