// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A document's own edit policy: who, besides system admins, may edit it.
// The values are the ones the DefaultEditPolicy setting offers in plugin.json,
// so a setting value and a stored document policy parse the same way.
export const EDIT_POLICIES = ['channel', 'owner_and_admins', 'owner', 'view_only'] as const;

export type EditPolicy = (typeof EDIT_POLICIES)[number];

// plugin.json's default for DefaultEditPolicy. Everyone in the channel edits,
// which is what 1.x did for every file unless its admin opted in to owner-only.
export const DEFAULT_EDIT_POLICY: EditPolicy = 'channel';

// Where a stored value is unreadable we fall back to the owner alone: closed
// for everyone else, yet the owner can still work and reset the policy.
export const POLICY_FOR_UNREADABLE_VALUE: EditPolicy = 'owner';

export type ParseResult<T> = {ok: true; value: T} | {ok: false; error: string};

export function isEditPolicy(value: unknown): value is EditPolicy {
    return typeof value === 'string' && (EDIT_POLICIES as readonly string[]).includes(value);
}

// Parses an untrusted value (a request body, a KV record, a setting). Strict on
// purpose: no trimming or case folding, so exactly one spelling is ever stored.
export function parseEditPolicy(raw: unknown): ParseResult<EditPolicy> {
    if (isEditPolicy(raw)) {
        return {ok: true, value: raw};
    }
    const shown = typeof raw === 'string' ? JSON.stringify(raw.slice(0, 40)) : typeof raw;
    return {ok: false, error: `Unknown edit policy ${shown}; expected one of ${EDIT_POLICIES.join(', ')}.`};
}

export type PolicySource = 'stored' | 'default' | 'unreadable';

export interface ResolvedPolicy {
    policy: EditPolicy;
    source: PolicySource;
}

// The policy that applies to a document: its own when it has one, else the
// admin's default. Absent means undefined, null or the empty string.
export function resolveDocumentPolicy(stored: unknown, defaultPolicy: EditPolicy): ResolvedPolicy {
    if (stored === undefined || stored === null || stored === '') {
        return {policy: defaultPolicy, source: 'default'};
    }
    if (isEditPolicy(stored)) {
        return {policy: stored, source: 'stored'};
    }
    return {policy: POLICY_FOR_UNREADABLE_VALUE, source: 'unreadable'};
}
