// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {EditPolicy} from './edit_policy';

// How collabora-mattermost 1.x stored its per-file choice (read in its
// server/api.go, server/utils.go, server/configuration.go and
// webapp/src/selectors/index.ts):
// - a post prop keyed "<plugin id>_file_permissions_<file id>";
// - value "owner" (only the poster edits) or "channel" (everyone who can read
//   the channel edits); nothing else was accepted;
// - honoured only while the system-wide FileEditPermissions setting was true.
//   Otherwise everyone who could read the channel edited and the prop was ignored.
// 1.x used the same plugin id as we do, so the key is the same on both sides.
export const LEGACY_PLUGIN_ID = 'com.collaboraonline.mattermost';
export const LEGACY_OWNER_VALUE = 'owner';
export const LEGACY_CHANNEL_VALUE = 'channel';

export function legacyPermissionPropKey(fileId: string): string {
    return `${LEGACY_PLUGIN_ID}_file_permissions_${fileId}`;
}

export type LegacyCode =
    | 'LEGACY_OWNER'
    | 'LEGACY_CHANNEL'
    | 'LEGACY_UNREADABLE_VALUE'
    | 'LEGACY_FEATURE_OFF'
    | 'LEGACY_NO_CHOICE';

export interface LegacyPolicy {

    // The policy to store for the document, or undefined when 1.x left no
    // choice in force and the admin's DefaultEditPolicy should apply.
    policy: EditPolicy | undefined;
    code: LegacyCode;
    propKey: string;
}

// Reads the raw 1.x FileEditPermissions setting. Mattermost may hand it back as
// a JSON boolean or as a string; anything else counts as unknown.
export function parseLegacyFileEditPermissions(raw: unknown): boolean | undefined {
    if (raw === true || raw === 'true') {
        return true;
    }
    if (raw === false || raw === 'false') {
        return false;
    }
    return undefined;
}

// Maps a post's props (and the 1.x setting) to our policy for one attached file.
// The caller stores the result as the document's policy the first time it
// sees a document that has none yet.
export function policyFromLegacyProps(
    props: Readonly<Record<string, unknown>> | null | undefined,
    fileId: string,
    legacyFileEditPermissions: unknown,
): LegacyPolicy {
    const propKey = legacyPermissionPropKey(fileId);
    const hasProp = props !== null && props !== undefined && Object.prototype.hasOwnProperty.call(props, propKey);
    const value = hasProp ? props[propKey] : undefined;
    if (value === undefined || value === null) {
        // 1.x wrote "owner" on the first open when the feature was on; a file
        // nobody opened then carries no choice, so our own default applies.
        return {policy: undefined, code: 'LEGACY_NO_CHOICE', propKey};
    }

    // Only an explicit false means the admin switched the feature off again and
    // 1.x was ignoring the prop. When the setting is gone, the prop alone
    // proves the feature was on (1.x wrote it only then), so it is honoured:
    // dropping an owner-only choice would silently widen who may edit.
    if (parseLegacyFileEditPermissions(legacyFileEditPermissions) === false) {
        return {policy: undefined, code: 'LEGACY_FEATURE_OFF', propKey};
    }
    if (value === LEGACY_OWNER_VALUE) {
        return {policy: 'owner', code: 'LEGACY_OWNER', propKey};
    }
    if (value === LEGACY_CHANNEL_VALUE) {
        return {policy: 'channel', code: 'LEGACY_CHANNEL', propKey};
    }

    // 1.x let nobody save such a file (neither branch of its check matched);
    // owner-only is the closest rule that still lets the owner fix it.
    return {policy: 'owner', code: 'LEGACY_UNREADABLE_VALUE', propKey};
}

// For the one-time settings migration: an admin who had opted in to 1.x's
// owner-only files wanted new files owner-only too.
export function defaultPolicyFromLegacySetting(legacyFileEditPermissions: unknown): EditPolicy | undefined {
    return parseLegacyFileEditPermissions(legacyFileEditPermissions) === true ? 'owner' : undefined;
}
