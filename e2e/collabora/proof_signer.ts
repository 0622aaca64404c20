// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {sign} from 'node:crypto';

import {generateProofKey} from './proof_key_material';
import type {ProofKeyMaterial} from './proof_key_material';

// Signs WOPI requests exactly as coolwsd does (COOL:wsd/ProofKey.cpp, wopi-collabora.md 5.1-5.2).
// Deliberately independent from server-ts (no shared code), so the host's verifier is tested
// against a second implementation.

const TICKS_AT_UNIX_EPOCH = 621355968000000000n;

export function unixMsToTicks(ms: number): bigint {
    return BigInt(Math.trunc(ms)) * 10000n + TICKS_AT_UNIX_EPOCH;
}

export type ProofHeaders = {'X-WOPI-TimeStamp': string; 'X-WOPI-Proof': string; 'X-WOPI-ProofOld': string};

// Which key signs which header. Real Collabora: both 'current' (rotation is not implemented).
export type KeyChoice = 'current' | 'old' | 'wrong';

export type SignOptions = {
    accessToken: string;
    url: string;
    now?: number;

    // Shifts the signed timestamp, e.g. -21 * 60_000 for a stale proof.
    timestampOffsetMs?: number;
    proofKey?: KeyChoice;
    proofOldKey?: KeyChoice;
};

export function proofBytes(accessToken: string, url: string, ticks: bigint): Buffer {
    const token = Buffer.from(accessToken, 'utf8');

    // Collabora upper-cases a-z only (a byte loop), then writes network byte order.
    const upper = Buffer.from(url.replace(/[a-z]/g, (c) => c.toUpperCase()), 'utf8');
    const head = (n: number) => {
        const b = Buffer.alloc(4);
        b.writeInt32BE(n);
        return b;
    };
    const tick = Buffer.alloc(8);
    tick.writeBigInt64BE(ticks);
    return Buffer.concat([head(token.length), token, head(upper.length), upper, head(8), tick]);
}

export class ProofSigner {
    readonly current: ProofKeyMaterial;
    readonly old: ProofKeyMaterial;
    private readonly wrong: ProofKeyMaterial;

    // rotated=false is Collabora today: the old* discovery attributes repeat the current key.
    constructor(options: {rotated?: boolean} = {}) {
        this.current = generateProofKey();
        this.old = options.rotated === true ? generateProofKey() : this.current;
        this.wrong = generateProofKey();
    }

    private key(choice: KeyChoice): ProofKeyMaterial {
        return choice === 'current' ? this.current : (choice === 'old' ? this.old : this.wrong);
    }

    signRequest(options: SignOptions): ProofHeaders {
        const ticks = unixMsToTicks((options.now ?? Date.now()) + (options.timestampOffsetMs ?? 0));
        const data = proofBytes(options.accessToken, options.url, ticks);
        const proofKey = options.proofKey ?? 'current';
        const proof = sign('sha256', data, this.key(proofKey).privateKey).toString('base64');
        const oldKey = options.proofOldKey ?? proofKey;
        const proofOld = oldKey === proofKey ? proof : sign('sha256', data, this.key(oldKey).privateKey).toString('base64');
        return {'X-WOPI-TimeStamp': ticks.toString(), 'X-WOPI-Proof': proof, 'X-WOPI-ProofOld': proofOld};
    }

    // The <proof-key> attributes, in coolwsd's order.
    discoveryAttributes(): Array<[string, string]> {
        return [
            ['value', this.current.value], ['modulus', this.current.modulus], ['exponent', this.current.exponent],
            ['oldvalue', this.old.value], ['oldmodulus', this.old.modulus], ['oldexponent', this.old.exponent],
        ];
    }
}
