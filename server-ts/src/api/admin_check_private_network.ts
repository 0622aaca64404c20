// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {BlockList, isIP} from 'node:net';

// Whether a WOPI base URL host is on a private network, where Collabora Online may call
// Mattermost back over plain HTTP (the usual Docker or LAN setup behind a TLS proxy): browsers
// never load that address, so there is no mixed content, and the traffic stays inside.
//
// Decided from the host as written, without DNS: Mattermost's resolver may not be Collabora's
// (split-horizon DNS), and a check that changes with the resolver cannot be trusted. A public-
// looking name that resolves to a private address is therefore not recognised; admins can use
// the address itself, the internal name, or https.

const PRIVATE_NETS = new BlockList();
// IPv4: loopback (RFC 1122), RFC 1918, link-local (RFC 3927). Not 100.64/10 (RFC 6598): that
// space is shared with an ISP's other customers.
PRIVATE_NETS.addSubnet('127.0.0.0', 8, 'ipv4');
PRIVATE_NETS.addSubnet('10.0.0.0', 8, 'ipv4');
PRIVATE_NETS.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE_NETS.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE_NETS.addSubnet('169.254.0.0', 16, 'ipv4');
// IPv6: loopback, unique local (RFC 4193), link-local. IPv4-mapped addresses (::ffff:10.0.0.1)
// match the IPv4 ranges above: BlockList checks them as such.
PRIVATE_NETS.addAddress('::1', 'ipv6');
PRIVATE_NETS.addSubnet('fc00::', 7, 'ipv6');
PRIVATE_NETS.addSubnet('fe80::', 10, 'ipv6');

// Names reserved for local use: localhost (RFC 6761), mDNS .local (RFC 6762), .home.arpa
// (RFC 8375), .internal (reserved by ICANN for private use, 2024).
const PRIVATE_SUFFIXES = ['localhost', 'local', 'home.arpa', 'internal'];

// privateNetworkReason says why a URL hostname (as `new URL().hostname` gives it) is private,
// or null when it may be on the public internet.
export function privateNetworkReason(hostname: string): string | null {
    const host = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
    const family = isIP(host);
    if (family !== 0) {
        return PRIVATE_NETS.check(host, family === 4 ? 'ipv4' : 'ipv6') ? `${host} is a private or loopback address` : null;
    }
    if (host === '') {
        return null;
    }
    const suffix = PRIVATE_SUFFIXES.find((s) => host === s || host.endsWith(`.${s}`));
    if (suffix) {
        return suffix === 'localhost' ? `${host} is a loopback name` : `.${suffix} names are reserved for local networks`;
    }
    // Docker service names ("mattermost") and intranet short names never resolve on the internet.
    return host.includes('.') ? null : `"${host}" is a single-label name, resolved only inside your network`;
}
