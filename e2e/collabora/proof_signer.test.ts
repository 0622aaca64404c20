// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {parseDiscovery} from '../../server-ts/src/collabora/discovery_parser';
import {MS_PROOF_VECTORS} from '../../server-ts/src/collabora/ms_proof_vectors';
import {buildProofBytes, importProofKeys, verifyProof} from '../../server-ts/src/collabora/proof_keys';
import type {ProofKeySet} from '../../server-ts/src/collabora/proof_keys';

import {buildDiscoveryXml} from './discovery_xml';
import {proofBytes, ProofSigner} from './proof_signer';
import type {SignOptions} from './proof_signer';

// The host learns the keys the way it will in production: from the stand-in's discovery XML.
function keysFromDiscovery(signer: ProofSigner): ProofKeySet {
    const xml = buildDiscoveryXml({serverUrl: 'http://127.0.0.1:9980', versionHash: 'h', proofKeyAttributes: signer.discoveryAttributes()});
    const parsed = parseDiscovery(xml);
    if (!parsed.ok || parsed.discovery.proofKey === null) {
        throw new Error('stand-in discovery has no proof key');
    }
    const imported = importProofKeys(parsed.discovery.proofKey);
    if (!imported.ok) {
        throw new Error(imported.reason);
    }
    return imported.keys;
}

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const TOKEN = 'v1.eyJ1IjoidSJ9.bWFj';
const URL_ = `http://mm.example:8065/plugins/com.collaboraonline.mattermost/wopi/files/doc1/contents?access_token=${TOKEN}&access_token_ttl=1767400000000&permission=edit`;

describe('stand-in signer against the host verifier', () => {
    const signer = new ProofSigner();
    const keys = keysFromDiscovery(signer);

    function check(sign: Partial<SignOptions>, verify: {accessToken?: string; url?: string; nowMs?: number} = {}) {
        const headers = signer.signRequest({accessToken: TOKEN, url: URL_, now: NOW, ...sign});
        return verifyProof({
            accessToken: verify.accessToken ?? TOKEN, url: verify.url ?? URL_, nowMs: verify.nowMs ?? NOW, keys,
            timestampTicks: headers['X-WOPI-TimeStamp'], proof: headers['X-WOPI-Proof'], proofOld: headers['X-WOPI-ProofOld'],
        });
    }

    it('round-trips: what Collabora sends is accepted', () => {
        expect(check({})).toEqual({ok: true, matched: 'proof-with-current-key'});
    });

    it('duplicates X-WOPI-Proof into X-WOPI-ProofOld like current coolwsd', () => {
        const h = signer.signRequest({accessToken: TOKEN, url: URL_, now: NOW});
        expect(h['X-WOPI-ProofOld']).toBe(h['X-WOPI-Proof']);
        expect(h['X-WOPI-TimeStamp']).toBe(String(BigInt(NOW) * 10000n + 621355968000000000n));
    });

    it.each([
        ['tampered URL', {url: URL_.replace('doc1', 'doc2')}],
        ['extra query parameter', {url: `${URL_}&x=1`}],
        ['other token', {accessToken: `${TOKEN}x`}],
        ['internal URL instead of the public one', {url: URL_.replace('mm.example:8065', 'localhost:8065')}],
    ])('rejects a %s', (_name, verify) => {
        expect(check({}, verify)).toEqual({ok: false, reason: 'PROOF_SIGNATURE_INVALID'});
    });

    it('rejects a stale timestamp and a wrong key', () => {
        expect(check({timestampOffsetMs: -21 * 60_000})).toEqual({ok: false, reason: 'PROOF_TIMESTAMP_STALE'});
        expect(check({proofKey: 'wrong'})).toEqual({ok: false, reason: 'PROOF_SIGNATURE_INVALID'});
    });

    it('builds the signed bytes exactly like the host does', () => {
        for (const v of MS_PROOF_VECTORS) {
            expect(proofBytes(v.accessToken, v.url, v.ticks)).toEqual(buildProofBytes(v.accessToken, v.url, v.ticks));
        }
    });

    it('publishes a CAPI blob that decodes to the same key', () => {
        const onlyBlob = importProofKeys({current: {value: signer.current.value, modulus: null, exponent: null}, old: null});
        expect(onlyBlob.ok && onlyBlob.keys.current.export({format: 'jwk'})).toEqual(signer.current.publicKey.export({format: 'jwk'}));
    });
});

describe('old-key matrix with rotated keys', () => {
    const signer = new ProofSigner({rotated: true});
    const keys = keysFromDiscovery(signer);

    it.each([
        ['Proof current', {proofKey: 'current', proofOldKey: 'wrong'}, 'proof-with-current-key'],
        ['ProofOld current (client rotated, host stale)', {proofKey: 'wrong', proofOldKey: 'current'}, 'proof-old-with-current-key'],
        ['Proof old (host rotated, client stale)', {proofKey: 'old', proofOldKey: 'wrong'}, 'proof-with-old-key'],
        ['ProofOld old only', {proofKey: 'wrong', proofOldKey: 'old'}, null],
        ['wrong key in both', {proofKey: 'wrong', proofOldKey: 'wrong'}, null],
    ] as const)('%s', (_name, sign, matched) => {
        const h = signer.signRequest({accessToken: TOKEN, url: URL_, now: NOW, ...sign});
        const result = verifyProof({accessToken: TOKEN, url: URL_, nowMs: NOW, keys,
            timestampTicks: h['X-WOPI-TimeStamp'], proof: h['X-WOPI-Proof'], proofOld: h['X-WOPI-ProofOld']});
        expect(result).toEqual(matched === null ? {ok: false, reason: 'PROOF_SIGNATURE_INVALID'} : {ok: true, matched});
    });
});
