// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// One immutable, validated snapshot of the plugin's settings. Mattermost has stored plugin
// setting keys both lower-cased and as declared, so keys are matched case-insensitively.

export type EditPolicyName = 'channel' | 'owner_and_admins' | 'owner' | 'view_only';
export const EDIT_POLICIES: readonly EditPolicyName[] = ['channel', 'owner_and_admins', 'owner', 'view_only'];

export interface Settings {
    collaboraUrl: string;
    collaboraInternalUrl: string;
    wopiBaseUrl: string;
    skipTlsVerify: boolean;
    tokenTtlMinutes: number;
    // Test knobs, not in the System Console: the test stack compresses the clock with them.
    // tokenTtlSeconds (0: unset) overrides tokenTtlMinutes; lockTtlSeconds is the WOPI lock's life.
    tokenTtlSeconds: number;
    lockTtlSeconds: number;
    // How old a revision removal's claim is before the cleanup job takes it for a dead node's.
    removalClaimSeconds: number;
    // How long a PDF export may wait for Collabora's conversion (test knob; 300 s by default).
    convertTimeoutSeconds: number;
    defaultEditPolicy: EditPolicyName;
    guestsCanEdit: boolean;
    previewFormats: string[];
    newDocumentFormat: 'ooxml' | 'odf';
    enforceProofKeys: boolean;
    collaboraAllowList: string[];
    watermarkText: string;
    editSummaries: boolean;
    nodePath: string;
    // Revision retention (documents/retention_plan.ts): the newest editing sessions whose
    // revisions are kept, and their age limit in days (0: no age limit).
    revisionSessionsKept: number;
    revisionDaysKept: number;
}

export const DEFAULT_TOKEN_TTL_MINUTES = 600;
export const DEFAULT_LOCK_TTL_SECONDS = 30 * 60;
export const DEFAULT_REMOVAL_CLAIM_SECONDS = 10 * 60;
export const DEFAULT_REVISION_SESSIONS_KEPT = 20;
export const DEFAULT_REVISION_DAYS_KEPT = 365;
// Collabora gives up on a conversion after per_document.limit_convert_secs (100 s by default);
// the export waits longer so that Collabora's own answer, not ours, ends a slow conversion.
export const DEFAULT_CONVERT_TIMEOUT_SECONDS = 300;

type RawConfig = Record<string, unknown>;

export function lookup(raw: RawConfig, key: string): unknown {
    const wanted = key.toLowerCase();
    for (const [k, v] of Object.entries(raw)) {
        if (k.toLowerCase() === wanted) {
            return v;
        }
    }
    return undefined;
}

function str(raw: RawConfig, key: string): string {
    const v = lookup(raw, key);
    return typeof v === 'string' ? v.trim() : '';
}

function bool(raw: RawConfig, key: string, fallback: boolean): boolean {
    const v = lookup(raw, key);
    if (typeof v === 'boolean') {
        return v;
    }
    if (v === 'true' || v === 'false') {
        return v === 'true';
    }
    return fallback;
}

function positiveInt(raw: RawConfig, key: string, fallback: number): number {
    const n = Number(lookup(raw, key));
    return Number.isFinite(n) && n >= 1 ? Math.floor(n) : fallback;
}

function nonNegativeInt(raw: RawConfig, key: string, fallback: number): number {
    const v = lookup(raw, key);
    const n = Number(v);
    return v !== '' && v !== null && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
}

function list(raw: RawConfig, key: string): string[] {
    return str(raw, key).split(/[\s,;]+/).map((s) => s.trim().toLowerCase().replace(/^\./, '')).filter(Boolean);
}

const stripSlash = (url: string): string => url.replace(/\/+$/, '');

export function parseSettings(raw: RawConfig): Settings {
    const policy = str(raw, 'DefaultEditPolicy') as EditPolicyName;
    const format = str(raw, 'NewDocumentFormat');
    return {
        collaboraUrl: stripSlash(str(raw, 'CollaboraUrl')),
        collaboraInternalUrl: stripSlash(str(raw, 'CollaboraInternalUrl')),
        wopiBaseUrl: stripSlash(str(raw, 'WopiBaseUrl')),
        skipTlsVerify: bool(raw, 'SkipTlsVerify', false),
        tokenTtlMinutes: positiveInt(raw, 'TokenTtlMinutes', DEFAULT_TOKEN_TTL_MINUTES),
        tokenTtlSeconds: positiveInt(raw, 'TokenTtlSeconds', 0),
        lockTtlSeconds: positiveInt(raw, 'LockTtlSeconds', DEFAULT_LOCK_TTL_SECONDS),
        removalClaimSeconds: positiveInt(raw, 'RemovalClaimSeconds', DEFAULT_REMOVAL_CLAIM_SECONDS),
        convertTimeoutSeconds: positiveInt(raw, 'ConvertTimeoutSeconds', DEFAULT_CONVERT_TIMEOUT_SECONDS),
        defaultEditPolicy: EDIT_POLICIES.includes(policy) ? policy : 'channel',
        guestsCanEdit: bool(raw, 'GuestsCanEdit', false),
        previewFormats: list(raw, 'PreviewFormats'),
        newDocumentFormat: format === 'odf' ? 'odf' : 'ooxml',
        enforceProofKeys: bool(raw, 'EnforceProofKeys', true),
        collaboraAllowList: list(raw, 'CollaboraAllowList'),
        watermarkText: str(raw, 'WatermarkText'),
        editSummaries: bool(raw, 'EditSummaries', true),
        nodePath: str(raw, 'NodePath'),
        revisionSessionsKept: positiveInt(raw, 'RevisionSessionsKept', DEFAULT_REVISION_SESSIONS_KEPT),
        revisionDaysKept: nonNegativeInt(raw, 'RevisionDaysKept', DEFAULT_REVISION_DAYS_KEPT),
    };
}

// The access token's lifetime in seconds: the test knob when set, else the admin's minutes.
export const tokenLifetimeSeconds = (s: Settings): number => s.tokenTtlSeconds || s.tokenTtlMinutes * 60;
