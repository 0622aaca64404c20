// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {BlockList, isIP} from 'node:net';

// isAddressAllowed checks a client address against the admin's list of Collabora addresses
// (single addresses or CIDR ranges). An empty list allows every address: proof keys still apply.
export function isAddressAllowed(address: string, allowList: readonly string[]): boolean {
    if (allowList.length === 0) {
        return true;
    }
    const ip = address.replace(/^::ffff:/, '');
    const family = isIP(ip);
    if (!family) {
        return false;
    }
    const list = new BlockList();
    for (const entry of allowList) {
        const [addr, bits] = entry.split('/');
        const entryFamily = isIP(addr);
        if (!entryFamily) {
            continue;
        }
        const type = entryFamily === 6 ? 'ipv6' : 'ipv4';
        if (bits === undefined) {
            list.addAddress(addr, type);
        } else if (/^\d+$/.test(bits)) {
            list.addSubnet(addr, Number(bits), type);
        }
    }
    return list.check(ip, family === 6 ? 'ipv6' : 'ipv4');
}
