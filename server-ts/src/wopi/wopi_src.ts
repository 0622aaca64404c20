// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {tokenLifetimeSeconds} from '../config/settings';
import type {Services} from '../services';
import {issueToken, type TokenMode} from '../tokens';

export const PLUGIN_ID = 'com.collaboraonline.mattermost';

// wopiSrc is the one URL of a document for every user (wopi-collabora.md 0.1): Collabora keys
// its editing session on it, so it never depends on the user or the mode.
export function wopiSrc(baseUrl: string, docId: string): string {
    return `${baseUrl}/plugins/${PLUGIN_ID}/wopi/files/${docId}`;
}

export interface IssuedAccess {
    token: string;
    // Milliseconds since the epoch, as Collabora wants access_token_ttl.
    ttl: number;
}

export async function issueAccess(services: Services, userId: string, docId: string, mode: TokenMode): Promise<IssuedAccess> {
    const key = await services.keys.get();
    const ttlSeconds = tokenLifetimeSeconds(services.state.settings);
    const issued = issueToken(key, {userId, docId, mode}, ttlSeconds, services.now());
    return {token: issued.token, ttl: issued.claims.expiresAtMs};
}
