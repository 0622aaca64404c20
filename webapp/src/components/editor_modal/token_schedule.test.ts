// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {MIN_REFRESH_DELAY_MS, refreshDelayMs, retryDelayMs, RETRY_MAX_MS} from './token_schedule';

const NOW = 1_700_000_000_000;
const MIN = 60_000;

describe('refreshDelayMs', () => {
    it.each([
        ['a 10-hour token: at 80% of its life', 600 * MIN, 480 * MIN],
        ['a 1-hour token: at 80%', 60 * MIN, 48 * MIN],
        ['a 1-minute token: 30 s before expiry', MIN, 30_000],
        ['a 2-minute token: 30 s before expiry', 2 * MIN, 90_000],
        ['a token with 10 s left: as soon as allowed', 10_000, MIN_REFRESH_DELAY_MS],
        ['an expired token: as soon as allowed', -5_000, MIN_REFRESH_DELAY_MS],
    ])('%s', (_name, remaining, expected) => {
        expect(refreshDelayMs(NOW + remaining, NOW)).toBe(expected);
    });

    it('never refreshes a token without expiry', () => {
        expect(refreshDelayMs(0, NOW)).toBeNull();
        expect(refreshDelayMs(Number.NaN, NOW)).toBeNull();
    });
});

describe('retryDelayMs', () => {
    it('backs off exponentially up to a minute', () => {
        const far = NOW + (600 * MIN);
        expect([1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, far, NOW))).toEqual([5_000, 10_000, 20_000, 40_000, RETRY_MAX_MS, RETRY_MAX_MS]);
    });

    it('retries at the expiry at the latest, and keeps backing off after it', () => {
        expect(retryDelayMs(4, NOW + 12_000, NOW)).toBe(12_000);
        expect(retryDelayMs(1, NOW + 200, NOW)).toBe(MIN_REFRESH_DELAY_MS);
        expect(retryDelayMs(4, NOW + 7_000, NOW)).toBe(7_000);
        expect(retryDelayMs(3, NOW - 1, NOW)).toBe(20_000);
    });
});
