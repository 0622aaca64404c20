// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {isChannelAdminHere, isOwner, runGate} from './gate';
import {CHANGE_POLICY_REASONS, type ChangePolicyCode} from './reasons';
import type {PolicyChangeFacts} from './types';

export interface ChangePolicyVerdict {
    allowed: boolean;
    code: ChangePolicyCode;
    reason: string;
}

function verdict(allowed: boolean, code: ChangePolicyCode): ChangePolicyVerdict {
    return {allowed, code, reason: CHANGE_POLICY_REASONS[code]};
}

// Whether the user may change a document's edit policy. It runs the same gate
// as decideAccess, so nobody can hand out an edit right they could not use
// themselves: archived channels, bots, read-only members and (unless guests
// may edit) guests are refused even for their own documents.
export function canChangePolicy(facts: PolicyChangeFacts): ChangePolicyVerdict {
    const gate = runGate(facts);
    if (gate === 'SYSTEM_ADMIN') {
        return verdict(true, 'CHANGE_AS_SYSTEM_ADMIN');
    }
    if (gate !== undefined) {
        return verdict(false, gate);
    }
    if (isOwner(facts)) {
        return verdict(true, 'CHANGE_AS_OWNER');
    }
    if (isChannelAdminHere(facts)) {
        return verdict(true, 'CHANGE_AS_CHANNEL_ADMIN');
    }
    return verdict(false, 'NOT_OWNER_OR_ADMIN');
}
