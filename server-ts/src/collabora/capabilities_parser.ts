// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// /hosting/capabilities (wopi-collabora.md 1.4). Unknown keys are ignored (newer Collabora adds
// flags all the time); known keys of the wrong type are reported as warnings and read as
// "feature absent", so a surprising build degrades features instead of breaking the plugin.

export type Capabilities = {
    productName: string | null;
    productVersion: string | null;
    productVersionHash: string | null;
    serverId: string | null;
    convertTo: {available: boolean; endpoint: string | null};
    hasWopiAccessCheck: boolean;
    hasTemplateSource: boolean;
    hasTemplateSaveAs: boolean;
    hasMobileSupport: boolean;
    hasProxyPrefix: boolean;
    hasZoteroSupport: boolean;
    hasWASMSupport: boolean;
    hasSettingIframeSupport: boolean;
    hasDocumentSigningSupport: boolean;
};

export type CapabilitiesResult = {ok: true; capabilities: Capabilities; warnings: string[]} | {ok: false; error: string};

const FLAGS = [
    'hasWopiAccessCheck', 'hasTemplateSource', 'hasTemplateSaveAs', 'hasMobileSupport', 'hasProxyPrefix',
    'hasZoteroSupport', 'hasWASMSupport', 'hasSettingIframeSupport', 'hasDocumentSigningSupport',
] as const;

const MAX_CAPABILITIES_BYTES = 256 * 1024;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseCapabilities(body: string | unknown): CapabilitiesResult {
    let parsed: unknown = body;
    if (typeof body === 'string') {
        if (body.length > MAX_CAPABILITIES_BYTES) {
            return {ok: false, error: 'capabilities document is too large'};
        }
        try {
            parsed = JSON.parse(body);
        } catch {
            return {ok: false, error: 'capabilities is not valid JSON'};
        }
    }
    if (!isObject(parsed)) {
        return {ok: false, error: 'capabilities is not a JSON object'};
    }
    const warnings: string[] = [];
    const text = (key: string): string | null => {
        const value = Object.hasOwn(parsed, key) ? parsed[key] : undefined;
        if (value === undefined || value === null) {
            return null;
        }
        if (typeof value !== 'string') {
            warnings.push(`${key} is not a string`);
            return null;
        }
        return value;
    };
    const flag = (obj: Json, key: string, path: string): boolean => {
        const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
        if (value !== undefined && typeof value !== 'boolean') {
            warnings.push(`${path} is not a boolean`);
        }
        return value === true;
    };

    const convertRaw = Object.hasOwn(parsed, 'convert-to') ? parsed['convert-to'] : undefined;
    const convert: Json = isObject(convertRaw) ? convertRaw : {};
    const endpoint = typeof convert.endpoint === 'string' ? convert.endpoint : null;

    const capabilities = {
        productName: text('productName'),
        productVersion: text('productVersion'),
        productVersionHash: text('productVersionHash'),
        serverId: text('serverId'),
        convertTo: {available: flag(convert, 'available', 'convert-to.available'), endpoint},
    } as Capabilities;
    for (const key of FLAGS) {
        capabilities[key] = flag(parsed, key, key);
    }
    if (capabilities.productVersion === null) {
        warnings.push('productVersion is missing');
    }
    return {ok: true, capabilities, warnings};
}

// Feature gating by version, as Nextcloud does with version_compare (1.4). Compares the leading
// numeric components ("24.04.13.2" >= "24.04"); unparseable versions are treated as too old.
export function isVersionAtLeast(productVersion: string | null, minimum: string): boolean {
    const parse = (v: string) => (/^\d+(\.\d+)*/.exec(v.trim())?.[0].split('.').map(Number)) ?? null;
    const have = productVersion === null ? null : parse(productVersion);
    const want = parse(minimum);
    if (have === null || want === null) {
        return false;
    }
    for (let i = 0; i < Math.max(have.length, want.length); i++) {
        const diff = (have[i] ?? 0) - (want[i] ?? 0);
        if (diff !== 0) {
            return diff > 0;
        }
    }
    return true;
}
