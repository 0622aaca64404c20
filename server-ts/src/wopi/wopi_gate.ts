// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import {verifyProof} from '../collabora/proof_keys';
import type {DocumentRecord} from '../documents/document_record';
import {bridgeContext} from '../http/bridge_headers';
import type {Rights} from '../rights/access_answers';
import {documentAccess} from '../rights/document_access';
import type {Services} from '../services';
import {tokenFromRequestUri, verifyToken, type TokenClaims} from '../tokens';

import {isAddressAllowed} from './address_allow_list';
import {collaboraAddress} from './collabora_address';
import {WopiError} from './wopi_error';

// A WOPI request that passed the gate: the address is allowed, the proof is Collabora's, the
// token is valid for this document, and the user's rights were computed again just now.
export interface WopiRequestContext {
    doc: DocumentRecord;
    claims: TokenClaims;
    token: string;
    rights: Rights;
    // True only when the token was issued for editing AND the user may edit right now.
    canWrite: boolean;
}

const unauthorized = (code: string, message: string): WopiError => new WopiError(401, code, message);

export async function passWopiGate(services: Services, request: FastifyRequest, docId: string): Promise<WopiRequestContext> {
    const {state} = services;
    const ctx = bridgeContext(request.headers, request.url);
    const address = collaboraAddress(request.headers, ctx.clientIp, ctx.remoteAddr, state.serverConfig.trustedProxyIpHeaders);
    if (!isAddressAllowed(address, state.settings.collaboraAllowList)) {
        throw new WopiError(403, 'WOPI_ADDRESS_REFUSED', 'This address may not call the WOPI host.');
    }
    const fromUri = tokenFromRequestUri(ctx.rawRequestUri);
    if (!fromUri.ok) {
        throw unauthorized(fromUri.code, 'A valid access token is required.');
    }
    const key = await services.keys.get();
    const verified = verifyToken(key, fromUri.token, services.now(), docId);
    if (!verified.ok) {
        throw unauthorized(verified.code, 'The access token is not valid for this document.');
    }
    if (state.settings.enforceProofKeys) {
        await checkProof(services, request, ctx.rawRequestUri, fromUri.token);
    }
    const found = await documentAccess(services, verified.claims.userId, docId);
    if (!found) {
        // Unknown, or its post is gone: an open editing session ends here.
        throw new WopiError(404, 'WOPI_UNKNOWN_FILE', 'No such document.');
    }
    const {doc, rights} = found;
    if (rights.decision.access === 'none') {
        // Collabora treats 401, 403 and 404 alike; 401 keeps WOPI validators happy too.
        throw unauthorized('NO_ACCESS', rights.decision.reason);
    }
    return {doc, claims: verified.claims, token: fromUri.token, rights, canWrite: verified.claims.mode === 'edit' && rights.decision.access === 'edit'};
}

export function requireWrite(ctx: WopiRequestContext): void {
    if (!ctx.canWrite) {
        throw new WopiError(403, 'WOPI_READ_ONLY', ctx.claims.mode === 'edit' ? ctx.rights.decision.reason : 'This session was opened for viewing only.');
    }
}

const header = (request: FastifyRequest, name: string): string | undefined => {
    const v = request.headers[name];
    return Array.isArray(v) ? v[0] : v;
};

// checkProof verifies Collabora's signature over the URL it called: the WOPI base URL's origin
// plus the raw request-target (wopi-collabora.md 5.3). A failure refetches discovery once.
async function checkProof(services: Services, request: FastifyRequest, rawRequestUri: string, token: string): Promise<void> {
    const base = services.state.wopiBaseUrl;
    let origin: string;
    try {
        origin = new URL(base).origin;
    } catch {
        throw new WopiError(500, 'WOPI_NO_BASE_URL', 'The Site URL is not set, so requests cannot be verified.');
    }
    const input = {
        accessToken: token,
        url: origin + rawRequestUri,
        timestampTicks: header(request, 'x-wopi-timestamp'),
        proof: header(request, 'x-wopi-proof'),
        proofOld: header(request, 'x-wopi-proofold'),
        nowMs: services.now(),
    };
    for (let attempt = 0; attempt < 2; attempt++) {
        const keys = await services.discovery.proofKeys();
        if (!keys) {
            throw new WopiError(500, 'WOPI_NO_PROOF_KEY', 'Collabora Online publishes no proof key, so requests cannot be verified.');
        }
        const result = verifyProof({...input, keys});
        if (result.ok) {
            return;
        }
        // Only a bad signature can be cured by fresh keys.
        const retryable = result.reason === 'PROOF_SIGNATURE_INVALID';
        if (attempt === 0 && retryable && (await services.discovery.refetchAfterProofFailure())) {
            continue;
        }
        services.state.log.warn('WOPI proof refused', {reason: result.reason, ...services.discovery.proofKeySource()});
        throw new WopiError(500, 'WOPI_BAD_PROOF', 'The request is not signed by the configured Collabora Online server.');
    }
}
