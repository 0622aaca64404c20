// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {DEFAULT_EDIT_POLICY, EDIT_POLICIES, isEditPolicy, parseEditPolicy, resolveDocumentPolicy} from './edit_policy';

describe('parseEditPolicy', () => {
    it.each(EDIT_POLICIES)('accepts %s', (value) => {
        expect(parseEditPolicy(value)).toEqual({ok: true, value});
    });

    const bad: Array<[string, unknown]> = [
        ['the empty string', ''],
        ['another case', 'Channel'],
        ['leading space', ' channel'],
        ['trailing space', 'owner '],
        ['a hyphen for the underscore', 'view-only'],
        ['an unknown word', 'everyone'],
        ['the 1.x owner-or-channel prop spelling of something else', 'owners'],
        ['null', null],
        ['undefined', undefined],
        ['a number', 1],
        ['a boolean', true],
        ['an object', {policy: 'channel'}],
        ['an array', ['channel']],
        ['an inherited property name', 'constructor'],
    ];
    it.each(bad)('refuses %s', (_name, raw) => {
        const result = parseEditPolicy(raw);
        expect(result.ok).toBe(false);
        expect(isEditPolicy(raw)).toBe(false);
    });

    it('keeps its error short however long the input', () => {
        const result = parseEditPolicy('x'.repeat(10000));
        expect(result.ok).toBe(false);
        if (!result.ok) {
            expect(result.error.length).toBeLessThan(200);
            expect(result.error).toContain('channel, owner_and_admins, owner, view_only');
        }
    });
});

describe('resolveDocumentPolicy', () => {
    it('matches plugin.json: the default is channel', () => {
        expect(DEFAULT_EDIT_POLICY).toBe('channel');
    });

    it.each([undefined, null, ''])('uses the default when the stored value is %p', (stored) => {
        expect(resolveDocumentPolicy(stored, 'owner_and_admins')).toEqual({policy: 'owner_and_admins', source: 'default'});
    });

    it.each(EDIT_POLICIES)('uses a stored %s over the default', (stored) => {
        expect(resolveDocumentPolicy(stored, 'view_only')).toEqual({policy: stored, source: 'stored'});
    });

    it.each(['Owner', 'everyone', 42, {}])('falls back to owner-only for the unreadable %p, not to the default', (stored) => {
        expect(resolveDocumentPolicy(stored, 'channel')).toEqual({policy: 'owner', source: 'unreadable'});
    });
});
