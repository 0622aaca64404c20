// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {EditPolicy} from '../edit_policy';
import type {AccessCode, ChangePolicyCode} from '../reasons';
import type {Access, AccessFacts, PolicyChangeFacts} from '../types';

// An independent statement of the rules, written as a list of restrictions
// rather than an if-chain: every restriction that applies caps the access,
// the result is the lowest cap, and the reason is the applying restriction
// that comes first in PRECEDENCE. It shares no code with the implementation.

const RANK: Record<Access, number> = {none: 0, view: 1, edit: 2};

type Hat = 'member' | 'owner' | 'channel_admin';

// Who, by hat, a policy lets edit.
const EDITORS: Record<EditPolicy, readonly Hat[]> = {
    channel: ['member', 'owner', 'channel_admin'],
    owner_and_admins: ['owner', 'channel_admin'],
    owner: ['owner'],
    view_only: [],
};

// Why a policy said no. Under 'channel' only a non-member is refused, and the
// NOT_CHANNEL_MEMBER restriction already names that.
const POLICY_REFUSAL: Record<EditPolicy, AccessCode> = {
    channel: 'NOT_CHANNEL_MEMBER',
    owner_and_admins: 'POLICY_OWNER_AND_ADMINS',
    owner: 'POLICY_OWNER_ONLY',
    view_only: 'POLICY_VIEW_ONLY',
};

export const PRECEDENCE: readonly AccessCode[] = [
    'USER_DEACTIVATED', 'NO_CHANNEL_ACCESS', 'BOT_VIEW_ONLY', 'CHANNEL_ARCHIVED', 'GUEST_VIEW_ONLY',
    'NOT_CHANNEL_MEMBER', 'CANNOT_POST', 'POLICY_OWNER_AND_ADMINS', 'POLICY_OWNER_ONLY', 'POLICY_VIEW_ONLY',
];

interface Restriction {
    code: AccessCode;
    cap: Access;
}

function hats(f: PolicyChangeFacts): Set<Hat> {
    const worn = new Set<Hat>();
    if (f.membership !== 'none') {
        worn.add('member');
    }
    if (f.user.id.length > 0 && f.document.ownerId === f.user.id) {
        worn.add('owner');
    }
    if (f.membership === 'admin' && ['open', 'private'].includes(f.channel.kind)) {
        worn.add('channel_admin');
    }
    return worn;
}

function accountRestrictions(f: PolicyChangeFacts): Restriction[] {
    const guest = f.user.isGuest || f.membership === 'guest';
    const admin = f.user.isSystemAdmin;
    const all: Array<[boolean, AccessCode, Access]> = [
        [f.user.isDeactivated, 'USER_DEACTIVATED', 'none'],
        [!f.hasReadPermission, 'NO_CHANNEL_ACCESS', 'none'],
        [f.user.isBot, 'BOT_VIEW_ONLY', 'view'],
        [f.channel.isArchived, 'CHANNEL_ARCHIVED', 'view'],
        [guest && !f.settings.guestsCanEdit, 'GUEST_VIEW_ONLY', 'view'],
        [!admin && !f.canPost, 'CANNOT_POST', 'view'],
        [!admin && f.membership === 'none', 'NOT_CHANNEL_MEMBER', 'view'],
    ];
    return all.filter(([applies]) => applies).map(([, code, cap]) => ({code, cap}));
}

function firstByPrecedence(rs: Restriction[]): Restriction {
    const sorted = [...rs].sort((a, b) => PRECEDENCE.indexOf(a.code) - PRECEDENCE.indexOf(b.code));
    return sorted[0];
}

export function accessOracle(f: AccessFacts): {access: Access; code: AccessCode} {
    const policy = f.document.policy === undefined ? f.settings.defaultEditPolicy : f.document.policy;
    const worn = hats(f);
    const restrictions = accountRestrictions(f);
    const policyLets = EDITORS[policy].some((h) => worn.has(h));
    if (!f.user.isSystemAdmin && !policyLets) {
        restrictions.push({code: POLICY_REFUSAL[policy], cap: 'view'});
    }
    if (restrictions.length === 0) {
        if (f.user.isSystemAdmin) {
            return {access: 'edit', code: 'EDIT_AS_SYSTEM_ADMIN'};
        }
        if (policy === 'channel') {
            return {access: 'edit', code: 'EDIT_AS_CHANNEL_MEMBER'};
        }
        return {access: 'edit', code: worn.has('owner') ? 'EDIT_AS_OWNER' : 'EDIT_AS_CHANNEL_ADMIN'};
    }
    const lowest = restrictions.reduce((low, r) => (RANK[r.cap] < RANK[low] ? r.cap : low), 'edit' as Access);
    const first = firstByPrecedence(restrictions);
    if (first.cap !== lowest) {
        throw new Error(`oracle precedence is inconsistent: ${first.code} caps at ${first.cap}, lowest is ${lowest}`);
    }
    return {access: lowest, code: first.code};
}

// Changing the policy: the same restrictions, then a hat that may change it.
export function changePolicyOracle(f: PolicyChangeFacts): {allowed: boolean; code: ChangePolicyCode} {
    const restrictions = accountRestrictions(f);
    if (restrictions.length > 0) {
        return {allowed: false, code: firstByPrecedence(restrictions).code as ChangePolicyCode};
    }
    const worn = hats(f);
    if (f.user.isSystemAdmin) {
        return {allowed: true, code: 'CHANGE_AS_SYSTEM_ADMIN'};
    }
    if (worn.has('owner')) {
        return {allowed: true, code: 'CHANGE_AS_OWNER'};
    }
    if (worn.has('channel_admin')) {
        return {allowed: true, code: 'CHANGE_AS_CHANNEL_ADMIN'};
    }
    return {allowed: false, code: 'NOT_OWNER_OR_ADMIN'};
}
