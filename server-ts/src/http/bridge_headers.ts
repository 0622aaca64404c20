// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {IncomingHttpHeaders} from 'node:http';

import type {FileInfo} from '@mattermost/types/files';

import {UPLOAD_MARKER_PREFIX} from '../documents/upload_markers';

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
    // Set by the shim on a save whose body it holds back: the body's length. The app decides
    // from the head and answers with storeBody (base64 JSON: user_id, channel_id, filename,
    // file_size) for the shim to store the body itself (build/shim/store_body.go).
    canStoreBody: `${BRIDGE_HEADER_PREFIX}can-store-body`,
    storeBody: `${BRIDGE_HEADER_PREFIX}store-body`,
    // Set by the shim on the same request sent again once the body is stored: the new
    // FileInfo (base64 JSON), or the HTTP status of the failure to store it; and storeBody as
    // the app gave it.
    storedFile: `${BRIDGE_HEADER_PREFIX}stored-file`,
    storeFailed: `${BRIDGE_HEADER_PREFIX}store-failed`,
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
    // The length of the body the shim holds back and can store itself, or null.
    canStoreBody: number | null;
    // The shim stored the body: the new file's FileInfo; or it failed: the HTTP status.
    storedFile: FileInfo | null;
    storeFailed: number | null;
    // The upload marker the app put in its storeBody directive, handed back with the result.
    uploadMarker: string | null;
}

// The shim's answer to a storeBody directive, in the header's encoding.
export interface StoreBodyDirective {
    user_id: string;
    channel_id: string;
    filename: string;
    file_size: number;
    // The app's upload marker (documents/upload_markers.ts); the shim hands it back.
    marker?: string;
}

export const encodeStoreBody = (d: StoreBodyDirective): string => Buffer.from(JSON.stringify(d), 'utf8').toString('base64');

function positiveInt(v: string): number | null {
    const n = Number(v);
    return v !== '' && Number.isSafeInteger(n) && n > 0 ? n : null;
}

function directiveMarker(v: string): string | null {
    if (v === '') {
        return null;
    }
    try {
        const marker = (JSON.parse(Buffer.from(v, 'base64').toString('utf8')) as Partial<StoreBodyDirective>).marker;
        return typeof marker === 'string' && marker.startsWith(UPLOAD_MARKER_PREFIX) ? marker : null;
    } catch {
        return null;
    }
}

function storedFileInfo(v: string): FileInfo | null {
    if (v === '') {
        return null;
    }
    try {
        const info = JSON.parse(Buffer.from(v, 'base64').toString('utf8')) as FileInfo;
        return typeof info?.id === 'string' && typeof info.size === 'number' ? info : null;
    } catch {
        return null;
    }
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
        canStoreBody: positiveInt(first(headers[BridgeHeaders.canStoreBody])),
        storedFile: storedFileInfo(first(headers[BridgeHeaders.storedFile])),
        storeFailed: positiveInt(first(headers[BridgeHeaders.storeFailed])),
        uploadMarker: directiveMarker(first(headers[BridgeHeaders.storeBody])),
    };
}
