// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Discovery} from '../collabora/discovery_types';
import type {Settings} from '../config/settings';

import type {CheckResult} from './admin_check_result';

// Which server discovery says Collabora Online is. Collabora writes it from its server_name, or
// else from the Host the discovery request carried (COOL:wsd/ClientRequestDispatcher.cpp,
// handleWopiDiscoveryRequest); a proxy's ProxyPrefix header overrides both. Browsers are always
// sent to the public URL (buildActionUrl), so the internal host is expected here. Any third
// host means Collabora believes it has another name, and it uses that name for more than
// discovery: the editor's WebSocket address (COOL:wsd/ServerURL.hpp) and the origins it accepts
// (ClientRequestDispatcher.cpp) follow server_name too.

export const DISCOVERY_HOST_TITLE = 'Collabora Online knows its address';

// "host:port" with the scheme's default port written out: "https://a" and "http://a:443" name
// the same server for this purpose.
function hostKey(url: string): string | null {
    try {
        const parsed = new URL(url.replace(/<[^<>]*>/g, ''));
        const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
        return `${parsed.hostname}:${port}`;
    } catch {
        return null;
    }
}

function namedHosts(discovery: Discovery): string[] {
    const hosts = new Set<string>();
    for (const byName of Object.values(discovery.actions)) {
        for (const action of Object.values(byName)) {
            const key = hostKey(action.urlsrc);
            if (key) {
                hosts.add(key);
            }
        }
    }
    return [...hosts].sort();
}

const shown = (key: string) => key.replace(/:(443|80)$/, '');

export function discoveryHostResult(settings: Settings, discovery: Discovery): CheckResult {
    const publicKey = hostKey(settings.collaboraUrl);
    const internalKey = settings.collaboraInternalUrl ? hostKey(settings.collaboraInternalUrl) : null;
    const hosts = namedHosts(discovery);
    if (hosts.length === 0) {
        return {id: 'discovery_host', ok: false, title: DISCOVERY_HOST_TITLE, detail: 'Discovery lists no editor addresses.', fix: 'Check the Collabora Online installation: its discovery should list the office formats.'};
    }
    const strangers = hosts.filter((h) => h !== publicKey && h !== internalKey);
    if (strangers.length > 0) {
        const names = strangers.map(shown).join(', ');
        const known = [publicKey && `the Collabora Online URL's host (${shown(publicKey)})`, internalKey && `the internal URL's (${shown(internalKey)})`].filter(Boolean);
        const neither = known.length === 2 ? `neither ${known[0]} nor ${known[1]}` : `not ${known[0] ?? 'a configured host'}`;
        return {
            id: 'discovery_host', ok: false, title: DISCOVERY_HOST_TITLE,
            detail: `Discovery names ${names}, which is ${neither}. Browsers are still sent to the Collabora Online URL, but Collabora Online believes it is called ${names}.`,
            fix: `In Collabora Online's coolwsd.xml, set server_name to the host browsers use (${publicKey ? shown(publicKey) : 'the public host'}) or leave it empty, and check that no proxy sends a ProxyPrefix header; if ${names} is the address browsers use, enter it as the Collabora Online URL instead.`,
        };
    }
    if (internalKey !== null && hosts.includes(internalKey) && internalKey !== publicKey) {
        return {id: 'discovery_host', ok: true, title: DISCOVERY_HOST_TITLE, detail: `Discovery names the internal address ${shown(internalKey)} (Collabora Online takes it from the request); browsers are sent to ${publicKey ? shown(publicKey) : 'the Collabora Online URL'} instead.`};
    }
    return {id: 'discovery_host', ok: true, title: DISCOVERY_HOST_TITLE, detail: `Discovery names ${hosts.map(shown).join(', ')}, the host of the Collabora Online URL.`};
}
