// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// policy/: pure rights decisions. Nothing here does I/O; callers gather the
// facts (through mattermost/) and act on the answer.
export {canChangePolicy, type ChangePolicyVerdict} from './can_change_policy';
export {canEdit, canView, decideAccess, effectivePolicy, type AccessDecision, type Verdict} from './decide_access';
export {
    DEFAULT_EDIT_POLICY,
    EDIT_POLICIES,
    isEditPolicy,
    parseEditPolicy,
    POLICY_FOR_UNREADABLE_VALUE,
    resolveDocumentPolicy,
    type EditPolicy,
    type ParseResult,
    type PolicySource,
    type ResolvedPolicy,
} from './edit_policy';
export {
    defaultPolicyFromLegacySetting,
    LEGACY_CHANNEL_VALUE,
    LEGACY_OWNER_VALUE,
    LEGACY_PLUGIN_ID,
    legacyPermissionPropKey,
    parseLegacyFileEditPermissions,
    policyFromLegacyProps,
    type LegacyCode,
    type LegacyPolicy,
} from './legacy_policy';
export {
    ACCESS_CODES,
    ACCESS_REASONS,
    CHANGE_POLICY_CODES,
    CHANGE_POLICY_REASONS,
    GATE_CODES,
    type AccessCode,
    type ChangePolicyCode,
    type GateCode,
} from './reasons';
export type {
    Access,
    AccessFacts,
    ChannelFacts,
    ChannelKind,
    ChannelMembership,
    DocumentFacts,
    PolicyChangeFacts,
    PolicySettings,
    UserFacts,
} from './types';
