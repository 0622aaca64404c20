// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {verify} from 'node:crypto';
import type {KeyObject} from 'node:crypto';

import {parseTicks, ticksToUnixMs} from './dotnet_ticks';
import type {ProofKeySet} from './proof_key_import';

export {importProofKeys} from './proof_key_import';
export type {ImportProofKeysResult, ProofKeySet} from './proof_key_import';

// Microsoft and Nextcloud both reject proofs older than 20 minutes (wopi-collabora.md 5.4).
export const PROOF_MAX_AGE_MS = 20 * 60 * 1000;

// Clocks drift; a small future skew is tolerated, a large one is a forged or broken clock.
export const PROOF_MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

export type ProofFailure =
    | 'PROOF_MISSING'
    | 'PROOF_TIMESTAMP_INVALID'
    | 'PROOF_TIMESTAMP_STALE'
    | 'PROOF_TIMESTAMP_FUTURE'
    | 'PROOF_SIGNATURE_INVALID';

// Which row of the matrix matched. 'proof-with-old-key' means our discovery is newer than the
// client's key: accept, but the caller should refresh discovery (MSDOC discovery.rst).
export type ProofMatch = 'proof-with-current-key' | 'proof-old-with-current-key' | 'proof-with-old-key';

export type VerifyProofResult = {ok: true; matched: ProofMatch} | {ok: false; reason: ProofFailure};

export type VerifyProofInput = {

    // The token as Collabora signed it: the decoded access_token query value.
    accessToken: string;

    // The full URL Collabora called: public origin + raw request-target, every query parameter
    // included (section 5.3). Upper-cased here.
    url: string;

    // X-WOPI-TimeStamp as received (decimal .NET ticks) or already parsed.
    timestampTicks: string | bigint | undefined;
    proof: string | undefined;
    proofOld: string | undefined;
    keys: ProofKeySet;
    nowMs: number;
    maxAgeMs?: number;
    maxFutureSkewMs?: number;
};

// The signed bytes (section 5.2): int32 BE length + token (UTF-8), int32 BE length + URL upper-cased,
// int32 BE 8 + int64 BE ticks. Only a-z are upper-cased, exactly like COOL:wsd/ProofKey.cpp; real
// request-targets are ASCII anyway.
export function buildProofBytes(accessToken: string, url: string, ticks: bigint): Buffer {
    const token = Buffer.from(accessToken, 'utf8');
    const upper = Buffer.from(url.replace(/[a-z]+/g, (s) => s.toUpperCase()), 'utf8');
    const out = Buffer.alloc(4 + token.length + 4 + upper.length + 4 + 8);
    let at = out.writeInt32BE(token.length, 0);
    at += token.copy(out, at);
    at = out.writeInt32BE(upper.length, at);
    at += upper.copy(out, at);
    at = out.writeInt32BE(8, at);
    out.writeBigInt64BE(ticks, at);
    return out;
}

function signatureBytes(header: string | undefined): Buffer | null {
    if (header === undefined) {
        return null;
    }
    const compact = header.trim();
    if (compact === '' || compact.length > 2048 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
        return null;
    }
    return Buffer.from(compact, 'base64');
}

function verifies(data: Buffer, signature: Buffer | null, key: KeyObject | null): boolean {
    if (signature === null || key === null) {
        return false;
    }
    try {
        // RSA keys default to PKCS#1 v1.5 padding, which is what WOPI clients use.
        return verify('sha256', data, key, signature);
    } catch {
        return false;
    }
}

export function verifyProof(input: VerifyProofInput): VerifyProofResult {
    if (input.timestampTicks === undefined || input.proof === undefined || input.proof.trim() === '') {
        return {ok: false, reason: 'PROOF_MISSING'};
    }
    const ticks = typeof input.timestampTicks === 'bigint' ? input.timestampTicks : parseTicks(input.timestampTicks);
    if (ticks === null || ticks < 0n) {
        return {ok: false, reason: 'PROOF_TIMESTAMP_INVALID'};
    }

    // Freshness before RSA: a replayed request is refused without spending a verification.
    const ageMs = input.nowMs - ticksToUnixMs(ticks);
    if (ageMs > (input.maxAgeMs ?? PROOF_MAX_AGE_MS)) {
        return {ok: false, reason: 'PROOF_TIMESTAMP_STALE'};
    }
    if (-ageMs > (input.maxFutureSkewMs ?? PROOF_MAX_FUTURE_SKEW_MS)) {
        return {ok: false, reason: 'PROOF_TIMESTAMP_FUTURE'};
    }

    const data = buildProofBytes(input.accessToken, input.url, ticks);
    const proof = signatureBytes(input.proof);
    const proofOld = signatureBytes(input.proofOld);

    // The three accepted rows (MSDOC proofkeys.rst, section 5.4). ProofOld valid only with the
    // old key is deliberately not among them.
    if (verifies(data, proof, input.keys.current)) {
        return {ok: true, matched: 'proof-with-current-key'};
    }
    if (verifies(data, proofOld, input.keys.current)) {
        return {ok: true, matched: 'proof-old-with-current-key'};
    }
    if (verifies(data, proof, input.keys.old)) {
        return {ok: true, matched: 'proof-with-old-key'};
    }
    return {ok: false, reason: 'PROOF_SIGNATURE_INVALID'};
}
