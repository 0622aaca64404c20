// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {XMLParser, XMLValidator} from 'fast-xml-parser';

import type {Discovery, DiscoveryAction, DiscoveryProofKey, DiscoveryResult, ProofKeyAttributes} from './discovery_types';

// Real discovery is ~50 KB; anything far larger is not Collabora talking.
export const MAX_DISCOVERY_BYTES = 4 * 1024 * 1024;

// Microsoft publishes four zones; Collabora one ("external-http" or "external-https"). The
// first zone in this order that lists an extension/action wins.
const ZONE_ORDER = ['external-https', 'external-http', 'internal-https', 'internal-http'];

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function attr(node: Node, name: string): string | null {
    const value = Object.hasOwn(node, name) ? node[name] : undefined;
    return typeof value === 'string' ? value : null;
}

function children(node: Node, name: string): Node[] {
    const value = Object.hasOwn(node, name) ? node[name] : undefined;
    const list = Array.isArray(value) ? value : [value];
    return list.filter(isNode);
}

function zoneRank(name: string | null): number {
    const index = ZONE_ORDER.indexOf(name ?? '');
    return index < 0 ? ZONE_ORDER.length : index;
}

// Some Docker images emit "cool\.html" in urlsrc; Nextcloud strips the stray backslash too
// (wopi-collabora.md 1.3, richdocuments issue #3262).
function cleanUrlsrc(urlsrc: string): string | null {
    const cleaned = urlsrc.trim().replace(/\\\./g, '.');
    try {
        const url = new URL(cleaned.replace(/<[^<>]*>/g, ''));
        return url.protocol === 'https:' || url.protocol === 'http:' ? cleaned : null;
    } catch {
        return null;
    }
}

function proofAttributes(node: Node, prefix: '' | 'old'): ProofKeyAttributes | null {
    const parts: ProofKeyAttributes = {
        value: attr(node, `${prefix}value`),
        modulus: attr(node, `${prefix}modulus`),
        exponent: attr(node, `${prefix}exponent`),
    };
    return parts.value === null && parts.modulus === null && parts.exponent === null ? null : parts;
}

function parseProofKey(root: Node): DiscoveryProofKey | null {
    const node = children(root, 'proof-key')[0];
    if (node === undefined) {
        return null;
    }
    const current = proofAttributes(node, '');
    return current === null ? null : {current, old: proofAttributes(node, 'old')};
}

function parseTree(xml: string): Node | string {
    // Discovery never has a DTD; refusing one rules out entity-expansion tricks up front.
    if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
        return 'discovery XML must not contain a DOCTYPE';
    }
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
        return `discovery is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`;
    }
    try {
        const parsed: unknown = new XMLParser({
            ignoreAttributes: false,
            attributeNamePrefix: '',
            parseAttributeValue: false,
            isArray: (name) => name === 'net-zone' || name === 'app' || name === 'action' || name === 'proof-key',
        }).parse(xml);
        const root = isNode(parsed) ? parsed['wopi-discovery'] : undefined;
        return isNode(root) ? root : 'discovery has no <wopi-discovery> root element';
    } catch (err: unknown) {
        return `discovery could not be parsed: ${err instanceof Error ? err.message : String(err)}`;
    }
}

export function parseDiscovery(xml: string): DiscoveryResult {
    if (typeof xml !== 'string' || xml.trim() === '') {
        return {ok: false, error: 'discovery is empty'};
    }
    if (Buffer.byteLength(xml, 'utf8') > MAX_DISCOVERY_BYTES) {
        return {ok: false, error: 'discovery is larger than 4 MiB'};
    }
    const root = parseTree(xml);
    if (typeof root === 'string') {
        return {ok: false, error: root};
    }

    const warnings: string[] = [];
    const actions: Record<string, Record<string, DiscoveryAction>> = Object.create(null);
    let capabilitiesUrl: string | null = null;
    const zones = children(root, 'net-zone').sort((a, b) => zoneRank(attr(a, 'name')) - zoneRank(attr(b, 'name')));
    for (const zone of zones) {
        for (const app of children(zone, 'app')) {
            const appName = attr(app, 'name') ?? '';
            for (const node of children(app, 'action')) {
                const name = attr(node, 'name');
                const ext = (attr(node, 'ext') ?? '').toLowerCase();
                const rawUrlsrc = attr(node, 'urlsrc');
                if (name === null || name === '' || rawUrlsrc === null) {
                    warnings.push(`action without name or urlsrc in app ${appName}`);
                    continue;
                }
                const urlsrc = cleanUrlsrc(rawUrlsrc);
                if (urlsrc === null) {
                    warnings.push(`action ${name} for "${ext}" has an unusable urlsrc`);
                    continue;
                }
                if (appName === 'Capabilities' && name === 'getinfo') {
                    capabilitiesUrl ??= urlsrc;
                    continue;
                }
                if (ext === '') {
                    continue;
                }
                const byName = actions[ext] ?? (actions[ext] = Object.create(null) as Record<string, DiscoveryAction>);
                byName[name] ??= {
                    name, ext, urlsrc, appName,
                    favIconUrl: attr(app, 'favIconUrl'),
                    isDefault: attr(node, 'default') === 'true',
                };
            }
        }
    }
    if (Object.keys(actions).length === 0) {
        return {ok: false, error: 'discovery lists no usable actions'};
    }
    const discovery: Discovery = {actions, capabilitiesUrl, proofKey: parseProofKey(root)};
    return {ok: true, discovery, warnings};
}

// The first of the wanted actions that discovery offers for this extension, e.g.
// ['edit'] to edit, or ['view', 'view_comment', 'edit'] to preview read-only.
export function findAction(discovery: Discovery, extension: string, wanted: readonly string[]): DiscoveryAction | null {
    const ext = extension.replace(/^\./, '').toLowerCase();
    const byName = Object.hasOwn(discovery.actions, ext) ? discovery.actions[ext] : undefined;
    if (byName === undefined) {
        return null;
    }
    for (const name of wanted) {
        if (Object.hasOwn(byName, name)) {
            return byName[name];
        }
    }
    return null;
}
