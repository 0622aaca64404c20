// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {generateKeyPairSync, sign} from 'node:crypto';
import type {KeyObject} from 'node:crypto';

import {parseTicks, ticksToUnixMs, unixMsToTicks} from './dotnet_ticks';
import {MS_DISCOVERY_PROOF_KEY, MS_PROOF_VECTORS} from './ms_proof_vectors';
import {buildProofBytes, importProofKeys, verifyProof} from './proof_keys';
import type {ProofKeySet} from './proof_keys';

function msKeys(): ProofKeySet {
    const imported = importProofKeys(MS_DISCOVERY_PROOF_KEY);
    if (!imported.ok) {
        throw new Error(imported.reason);
    }
    return imported.keys;
}

describe('Microsoft published proof-key vectors', () => {
    it.each(MS_PROOF_VECTORS.map((v) => [v.name, v] as const))('%s', (_name, v) => {
        const result = verifyProof({
            accessToken: v.accessToken, url: v.url, timestampTicks: String(v.ticks),
            proof: v.proof, proofOld: v.proofOld, keys: msKeys(), nowMs: ticksToUnixMs(v.ticks) + 1000,
        });
        expect(result.ok).toBe(v.valid);
    });

    it('reports which row of the matrix matched', () => {
        const [current, , proofOld, oldKey] = MS_PROOF_VECTORS;
        const run = (v: typeof current) => verifyProof({
            accessToken: v.accessToken, url: v.url, timestampTicks: v.ticks, proof: v.proof, proofOld: v.proofOld,
            keys: msKeys(), nowMs: ticksToUnixMs(v.ticks),
        });
        expect(run(current)).toEqual({ok: true, matched: 'proof-with-current-key'});
        expect(run(proofOld)).toEqual({ok: true, matched: 'proof-old-with-current-key'});
        expect(run(oldKey)).toEqual({ok: true, matched: 'proof-with-old-key'});
    });

    it('builds the same key from the CAPI blob as from modulus/exponent', () => {
        const fromBlob = importProofKeys({current: {...MS_DISCOVERY_PROOF_KEY.current, modulus: null, exponent: null}, old: null});
        expect(fromBlob.ok && fromBlob.keys.current.export({format: 'jwk'})).toEqual(msKeys().current.export({format: 'jwk'}));
    });

    it('rejects the vectors 21 minutes later, and a tampered URL', () => {
        const v = MS_PROOF_VECTORS[0];
        const base = {accessToken: v.accessToken, url: v.url, timestampTicks: v.ticks, proof: v.proof, proofOld: v.proofOld, keys: msKeys()};
        expect(verifyProof({...base, nowMs: ticksToUnixMs(v.ticks) + 21 * 60_000})).toEqual({ok: false, reason: 'PROOF_TIMESTAMP_STALE'});
        expect(verifyProof({...base, url: `${v.url}&x=1`, nowMs: ticksToUnixMs(v.ticks)}))
            .toEqual({ok: false, reason: 'PROOF_SIGNATURE_INVALID'});
    });
});

describe('verifyProof matrix with generated keys', () => {
    const a = generateKeyPairSync('rsa', {modulusLength: 2048});
    const b = generateKeyPairSync('rsa', {modulusLength: 2048});
    const c = generateKeyPairSync('rsa', {modulusLength: 2048});
    const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
    const ticks = unixMsToTicks(NOW);
    const token = 'v1.tok.mac';
    const url = 'https://mm.example/plugins/x/wopi/files/doc?access_token=v1.tok.mac&access_token_ttl=1&permission=edit';
    const sig = (key: KeyObject) => sign('sha256', buildProofBytes(token, url, ticks), key).toString('base64');
    const keys = {current: a.publicKey, old: b.publicKey};

    it.each([
        ['current key in both headers (what Collabora sends)', sig(a.privateKey), sig(a.privateKey), true],
        ['Proof current, ProofOld garbage', sig(a.privateKey), sig(c.privateKey), true],
        ['ProofOld with current key', sig(c.privateKey), sig(a.privateKey), true],
        ['Proof with old key', sig(b.privateKey), sig(c.privateKey), true],
        ['ProofOld valid only with the old key', sig(c.privateKey), sig(b.privateKey), false],
        ['wrong key everywhere', sig(c.privateKey), sig(c.privateKey), false],
    ])('%s', (_name, proof, proofOld, expected) => {
        expect(verifyProof({accessToken: token, url, timestampTicks: String(ticks), proof, proofOld, keys, nowMs: NOW}).ok)
            .toBe(expected);
    });

    const good = {accessToken: token, url, timestampTicks: String(ticks) as string | undefined, proof: sig(a.privateKey) as string | undefined,
        proofOld: undefined, keys: {current: a.publicKey, old: null}, nowMs: NOW};

    it.each([
        ['lower-case URL signs the same (upper-cased)', {url: url.toLowerCase().replace('v1.tok.mac', 'V1.TOK.MAC')}, true],
        ['other token', {accessToken: 'v1.tok.mad'}, false],
        ['other timestamp', {timestampTicks: String(ticks + 1n)}, false],
        ['missing proof', {proof: undefined}, false],
        ['missing timestamp', {timestampTicks: undefined}, false],
        ['non-numeric timestamp', {timestampTicks: '12a'}, false],
        ['proof not base64', {proof: '***'}, false],
        ['19 minutes old', {nowMs: NOW + 19 * 60_000}, true],
        ['4 minutes in the future', {nowMs: NOW - 4 * 60_000}, true],
        ['6 minutes in the future', {nowMs: NOW - 6 * 60_000}, false],
    ])('%s', (_name, change, expected) => {
        expect(verifyProof({...good, ...change}).ok).toBe(expected);
    });

    it('names the failure', () => {
        expect(verifyProof({...good, proof: undefined})).toEqual({ok: false, reason: 'PROOF_MISSING'});
        expect(verifyProof({...good, timestampTicks: '-5'})).toEqual({ok: false, reason: 'PROOF_TIMESTAMP_INVALID'});
        expect(verifyProof({...good, nowMs: NOW - 10 * 60_000})).toEqual({ok: false, reason: 'PROOF_TIMESTAMP_FUTURE'});
    });
});

describe('dotnet ticks and key import', () => {
    it('converts Unix ms to .NET ticks and back', () => {
        expect(unixMsToTicks(0)).toBe(621355968000000000n);
        expect(ticksToUnixMs(unixMsToTicks(1767323045006))).toBe(1767323045006);
        expect(parseTicks('99999999999999999999')).toBeNull();
        expect(parseTicks(' 638000000000000000 ')).toBe(638000000000000000n);
    });

    it('refuses attributes that are not an RSA key, but survives a broken old key', () => {
        expect(importProofKeys({current: {value: 'AAAA', modulus: 'AQAB', exponent: 'AQAB'}, old: null}).ok).toBe(false);
        expect(importProofKeys({current: {value: null, modulus: '!!', exponent: null}, old: null}).ok).toBe(false);
        const result = importProofKeys({current: MS_DISCOVERY_PROOF_KEY.current, old: {value: 'xx', modulus: null, exponent: null}});
        expect(result.ok && result.keys.old).toBeNull();
    });
});
