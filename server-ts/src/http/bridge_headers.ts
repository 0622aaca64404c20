// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {IncomingHttpHeaders} from 'node:http';

// Headers the shim sets on each request it hands to the sidecar's HTTP app, carrying what it
// vouches for (build/shim/http_bridge.go writes the same names). Any client-sent header with
// this prefix is dropped before they are set.
export const BRIDGE_HEADER_PREFIX = 'x-collabora-bridge-';

export const BridgeHeaders = {
    // The raw RequestURI, URI-encoded: it keeps `access_token`, which Mattermost strips from
    // the query the plugin sees.
    requestUri: `${BRIDGE_HEADER_PREFIX}request-uri`,
    remoteAddr: `${BRIDGE_HEADER_PREFIX}remote-addr`,
    // The client address as Mattermost sees it (honouring its trusted proxy header).
    clientIp: `${BRIDGE_HEADER_PREFIX}client-ip`,
    sessionId: `${BRIDGE_HEADER_PREFIX}session-id`,
    // Set by the shim: it can send a Mattermost file as a response body itself.
    canSendFile: `${BRIDGE_HEADER_PREFIX}can-send-file`,
    // Set on a response instead of a body: the id of the Mattermost file the shim sends as the
    // body (its Plugin API reads it), so file bytes never pass through Node.
    sendFile: `${BRIDGE_HEADER_PREFIX}send-file`,
} as const;

const first = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] ?? '' : v ?? '');

export interface BridgeContext {
    rawRequestUri: string;
    canSendFile: boolean;
    clientIp: string;
    // The connection's peer as the shim saw it (host:port).
    remoteAddr: string;
    sessionId: string;
    // Set by Mattermost only for requests with a valid session.
    userId: string | null;
}

export function bridgeContext(headers: IncomingHttpHeaders, fallbackUrl: string): BridgeContext {
    const encoded = first(headers[BridgeHeaders.requestUri]);
    let rawRequestUri = fallbackUrl;
    if (encoded) {
        try {
            rawRequestUri = decodeURIComponent(encoded);
        } catch {
            rawRequestUri = fallbackUrl;
        }
    }
    const userId = first(headers['mattermost-user-id']);
    return {
        rawRequestUri,
        canSendFile: first(headers[BridgeHeaders.canSendFile]) === '1',
        clientIp: first(headers[BridgeHeaders.clientIp]),
        remoteAddr: first(headers[BridgeHeaders.remoteAddr]),
        sessionId: first(headers[BridgeHeaders.sessionId]),
        userId: userId || null,
    };
}
