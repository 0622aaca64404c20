// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {isEditPolicy, POLICY_FOR_UNREADABLE_VALUE, resolveDocumentPolicy, type EditPolicy} from './edit_policy';
import {gateDeniesViewing, isChannelAdminHere, isOwner, runGate} from './gate';
import {ACCESS_REASONS, type AccessCode} from './reasons';
import type {Access, AccessFacts} from './types';

export interface AccessDecision {
    access: Access;
    code: AccessCode;
    reason: string;
}

export interface Verdict {
    allowed: boolean;
    code: AccessCode;
    reason: string;
}

function decision(access: Access, code: AccessCode): AccessDecision {
    return {access, code, reason: ACCESS_REASONS[code]};
}

// Only reached once the gate has passed: the user is an active, non-bot,
// channel member who may post in a live channel.
function decideByPolicy(policy: EditPolicy, facts: AccessFacts): AccessDecision {
    switch (policy) {
    case 'channel':
        return decision('edit', 'EDIT_AS_CHANNEL_MEMBER');
    case 'owner_and_admins':
        if (isOwner(facts)) {
            return decision('edit', 'EDIT_AS_OWNER');
        }
        if (isChannelAdminHere(facts)) {
            return decision('edit', 'EDIT_AS_CHANNEL_ADMIN');
        }
        return decision('view', 'POLICY_OWNER_AND_ADMINS');
    case 'owner':
        return isOwner(facts) ? decision('edit', 'EDIT_AS_OWNER') : decision('view', 'POLICY_OWNER_ONLY');

    // The owner too views only; they (or an admin) may change the policy back.
    case 'view_only':
        return decision('view', 'POLICY_VIEW_ONLY');
    }
}

// none, view or edit for one user and one document, from facts the caller
// gathered. Called again on every WOPI request, so it must stay cheap and pure.
export function decideAccess(facts: AccessFacts): AccessDecision {
    const gate = runGate(facts);
    if (gate === 'SYSTEM_ADMIN') {
        // Even a view_only document: system admins may always edit, and could
        // change the policy anyway.
        return decision('edit', 'EDIT_AS_SYSTEM_ADMIN');
    }
    if (gate !== undefined) {
        return decision(gateDeniesViewing(gate) ? 'none' : 'view', gate);
    }
    return decideByPolicy(effectivePolicy(facts), facts);
}

// The types say both values are valid, but they come from storage and settings:
// a value that slipped past validation closes the document to all but its owner.
export function effectivePolicy(facts: Pick<AccessFacts, 'document' | 'settings'>): EditPolicy {
    const fallback = facts.settings.defaultEditPolicy;
    const defaultPolicy = isEditPolicy(fallback) ? fallback : POLICY_FOR_UNREADABLE_VALUE;
    return resolveDocumentPolicy(facts.document.policy, defaultPolicy).policy;
}

export function canView(facts: AccessFacts): Verdict {
    const {access, code, reason} = decideAccess(facts);
    return {allowed: access !== 'none', code, reason};
}

export function canEdit(facts: AccessFacts): Verdict {
    const {access, code, reason} = decideAccess(facts);
    return {allowed: access === 'edit', code, reason};
}
