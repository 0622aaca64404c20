// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {IncomingHttpHeaders} from 'node:http';

// collaboraAddress is the address the allow-list is checked against. Without a trusted proxy
// header (Mattermost's ServiceSettings.TrustedProxyIPHeader) it is the connection's peer, as
// Mattermost derives it. With one, Mattermost takes the header's FIRST entry, which the client
// wrote: a proxy that appends (nginx's $proxy_add_x_forwarded_for) keeps what the client sent
// and adds the peer it saw at the end. Only that LAST entry was written by the trusted proxy,
// so it is the one checked. A header the proxy overwrites (X-Real-IP $remote_addr) has one
// entry, the same either way.
export function collaboraAddress(headers: IncomingHttpHeaders, mattermostIp: string, remoteAddr: string, trustedHeaders: readonly string[]): string {
    if (trustedHeaders.length === 0) {
        return mattermostIp;
    }
    for (const name of trustedHeaders) {
        const raw = headers[name.toLowerCase()];
        // Node joins repeated X-Forwarded-For lines with ", ", in the order they came.
        const value = Array.isArray(raw) ? raw.join(',') : raw ?? '';
        const entries = value.split(/[,\s]+/).filter((e) => e !== '');
        const last = entries[entries.length - 1];
        if (last) {
            return last;
        }
    }
    return hostOf(remoteAddr) || mattermostIp;
}

function hostOf(remoteAddr: string): string {
    const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(remoteAddr);
    if (bracketed) {
        return bracketed[1];
    }
    // One colon: IPv4 with a port. More: a bare IPv6 address.
    return (remoteAddr.match(/:/g) ?? []).length === 1 ? remoteAddr.split(':')[0] : remoteAddr;
}
