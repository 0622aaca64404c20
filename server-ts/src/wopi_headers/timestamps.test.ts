// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {checkCoolTimestamp, parseCoolTimestamp} from './cool_timestamp';
import {formatLastModifiedTime} from './last_modified_time';

describe('formatLastModifiedTime', () => {
    it('always gives UTC with exactly three fraction digits', () => {
        expect(formatLastModifiedTime(Date.UTC(2026, 0, 2, 3, 4, 5, 6))).toBe('2026-01-02T03:04:05.006Z');
        expect(formatLastModifiedTime(new Date(Date.UTC(2026, 11, 31, 23, 59, 59)))).toBe('2026-12-31T23:59:59.000Z');
        expect(formatLastModifiedTime(0)).toBe('1970-01-01T00:00:00.000Z');
    });

    it('refuses dates it cannot spell in that one format', () => {
        expect(() => formatLastModifiedTime(Number.NaN)).toThrow(RangeError);
        expect(() => formatLastModifiedTime(-1)).toThrow(RangeError);
        expect(() => formatLastModifiedTime(Date.UTC(10000, 0, 1))).toThrow(RangeError);
    });
});

describe('parseCoolTimestamp', () => {
    it.each([
        ['our own format', '2026-01-02T03:04:05.006Z', undefined, '2026-01-02T03:04:05.006Z'],
        ['.NET round-trip format', '2026-01-02T03:04:05.1234567Z', undefined, '2026-01-02T03:04:05.1234567Z'],
        ['Collabora micro-seconds', '2026-01-02T03:04:05.006000Z', undefined, '2026-01-02T03:04:05.006000Z'],
        ['no fraction, offset', '2026-01-02T04:04:05+01:00', undefined, '2026-01-02T04:04:05+01:00'],
        ['legacy LOOL header', undefined, '2026-01-02T03:04:05.006Z', '2026-01-02T03:04:05.006Z'],
        ['absent: forced save', undefined, undefined, null],
        ['empty: forced save', '', undefined, null],
    ])('%s', (_name, cool, lool, expected) => {
        expect(parseCoolTimestamp(cool, lool)).toEqual({ok: true, value: expected});
    });

    it.each([
        'yesterday', '2026-01-02', '2026-02-30T00:00:00Z', '2026-01-02T24:00:00Z', '2026-01-02T03:04:05.1234567890Z',
        '2026-01-02T03:04:05', '2026-01-02 03:04:05Z', '1767323045006',
    ])('rejects %j', (value) => {
        const result = parseCoolTimestamp(value, undefined);
        expect(!result.ok && result.error).toMatchObject({code: 'WOPI_HEADER_INVALID', header: 'X-COOL-WOPI-Timestamp'});
    });
});

describe('checkCoolTimestamp', () => {
    const stored = '2026-01-02T03:04:05.006Z';

    it.each([
        ['absent header skips the check', null, 'absent'],
        ['byte-identical echo', stored, 'match'],
        ['same instant, six fraction digits (older Collabora)', '2026-01-02T03:04:05.006000Z', 'match'],
        ['same instant, seven digits', '2026-01-02T03:04:05.0060000Z', 'match'],
        ['same instant, +00:00 zone', '2026-01-02T03:04:05.006+00:00', 'match'],
        ['same instant, other zone', '2026-01-02T04:04:05.006+01:00', 'match'],
        ['one millisecond earlier', '2026-01-02T03:04:05.005Z', 'conflict'],
        ['sub-millisecond difference', '2026-01-02T03:04:05.0060001Z', 'conflict'],
        ['unparseable', 'garbage', 'conflict'],
    ])('%s', (_name, sent, expected) => {
        expect(checkCoolTimestamp(sent, stored)).toBe(expected);
    });

    it('matches whatever formatLastModifiedTime produced', () => {
        const value = formatLastModifiedTime(Date.UTC(2026, 5, 1, 12, 0, 0, 999));
        expect(checkCoolTimestamp(value, value)).toBe('match');
    });
});
