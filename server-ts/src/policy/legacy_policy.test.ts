// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {
    defaultPolicyFromLegacySetting,
    legacyPermissionPropKey,
    parseLegacyFileEditPermissions,
    policyFromLegacyProps,
    type LegacyCode,
} from './legacy_policy';
import type {EditPolicy} from './edit_policy';

const FILE = 'abc123fileid';
const KEY = 'com.collaboraonline.mattermost_file_permissions_abc123fileid';

describe('legacyPermissionPropKey', () => {
    it('spells the key exactly as 1.x wrote it', () => {
        expect(legacyPermissionPropKey(FILE)).toBe(KEY);
    });
});

describe('policyFromLegacyProps', () => {
    // [setting as the caller read it, prop value (undefined: no prop), policy, code]
    const table: Array<[unknown, unknown, EditPolicy | undefined, LegacyCode]> = [
        [true, 'owner', 'owner', 'LEGACY_OWNER'],
        [true, 'channel', 'channel', 'LEGACY_CHANNEL'],
        ['true', 'owner', 'owner', 'LEGACY_OWNER'],
        ['true', 'channel', 'channel', 'LEGACY_CHANNEL'],

        // Setting gone after the upgrade: the prop alone is honoured.
        [undefined, 'owner', 'owner', 'LEGACY_OWNER'],
        [undefined, 'channel', 'channel', 'LEGACY_CHANNEL'],
        ['garbage', 'owner', 'owner', 'LEGACY_OWNER'],

        // Feature switched off: 1.x ignored the prop and everyone edited.
        [false, 'owner', undefined, 'LEGACY_FEATURE_OFF'],
        [false, 'channel', undefined, 'LEGACY_FEATURE_OFF'],
        ['false', 'owner', undefined, 'LEGACY_FEATURE_OFF'],

        // No choice stored.
        [true, undefined, undefined, 'LEGACY_NO_CHOICE'],
        [false, undefined, undefined, 'LEGACY_NO_CHOICE'],
        [undefined, undefined, undefined, 'LEGACY_NO_CHOICE'],
        [true, null, undefined, 'LEGACY_NO_CHOICE'],

        // Values 1.x never wrote: closed for everyone but the owner.
        [true, 'Owner', 'owner', 'LEGACY_UNREADABLE_VALUE'],
        [true, 'everyone', 'owner', 'LEGACY_UNREADABLE_VALUE'],
        [true, '', 'owner', 'LEGACY_UNREADABLE_VALUE'],
        [undefined, 1, 'owner', 'LEGACY_UNREADABLE_VALUE'],
        [true, {permission: 'channel'}, 'owner', 'LEGACY_UNREADABLE_VALUE'],
    ];
    it.each(table)('setting %p, prop %p -> %p (%s)', (setting, value, policy, code) => {
        const props = value === undefined ? {other: 'x'} : {[KEY]: value, other: 'x'};
        expect(policyFromLegacyProps(props, FILE, setting)).toEqual({policy, code, propKey: KEY});
    });

    it('reads only the prop of the file it is asked about', () => {
        const props = {[legacyPermissionPropKey('another-file')]: 'owner'};
        expect(policyFromLegacyProps(props, FILE, true).code).toBe('LEGACY_NO_CHOICE');
    });

    it.each([null, undefined, {}])('copes with props %p', (props) => {
        expect(policyFromLegacyProps(props, FILE, true)).toEqual({policy: undefined, code: 'LEGACY_NO_CHOICE', propKey: KEY});
    });

    it('does not mistake an inherited property for a stored choice', () => {
        const props = Object.create({[KEY]: 'channel'}) as Record<string, unknown>;
        expect(policyFromLegacyProps(props, FILE, true).code).toBe('LEGACY_NO_CHOICE');
    });
});

describe('the 1.x FileEditPermissions setting', () => {
    it.each([[true, true], ['true', true], [false, false], ['false', false], [undefined, undefined], ['yes', undefined], [1, undefined]])(
        'reads %p as %p', (raw, expected) => {
            expect(parseLegacyFileEditPermissions(raw)).toBe(expected);
        });

    it('suggests an owner-only default only to admins who had opted in', () => {
        expect(defaultPolicyFromLegacySetting(true)).toBe('owner');
        expect(defaultPolicyFromLegacySetting(false)).toBeUndefined();
        expect(defaultPolicyFromLegacySetting(undefined)).toBeUndefined();
    });
});
