// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// When the open editor asks for a fresh access token (issue 15, point 2). Pure, so the choice is
// tested on its own: 80% of the remaining lifetime leaves a 10-hour token alone for 8 hours, and
// the 30 s margin keeps a short token (tests, or an admin's 1-minute setting) from being refreshed
// in its very last seconds, when one slow answer or one retry would already let Collabora's next
// WOPI call (an autosave, a lock refresh) fail with 401.

export const REFRESH_FRACTION = 0.8;
export const REFRESH_MARGIN_MS = 30_000;

// Never hammer the server, even with a token that looks (almost) spent already: the ttl is an
// absolute server time, so a browser clock far ahead would otherwise refresh in a tight loop.
export const MIN_REFRESH_DELAY_MS = 5_000;
export const RETRY_BASE_MS = 5_000;
export const RETRY_MAX_MS = 60_000;

// Milliseconds from now until the refresh; null when the token never expires (ttl 0, as Collabora
// reads access_token_ttl) or the ttl is not a number.
export function refreshDelayMs(expiresAtMs: number, nowMs: number): number | null {
    if (!Number.isFinite(expiresAtMs) || expiresAtMs <= 0) {
        return null;
    }
    const remaining = expiresAtMs - nowMs;
    return Math.max(MIN_REFRESH_DELAY_MS, Math.min(remaining * REFRESH_FRACTION, remaining - REFRESH_MARGIN_MS));
}

// After the n-th failure in a row: 5 s, 10 s, 20 s, 40 s, then every minute. A retry is never
// scheduled past the expiry, so the failure right after it is the one that says "expired".
export function retryDelayMs(failures: number, expiresAtMs: number, nowMs: number): number {
    const backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * (2 ** Math.max(0, failures - 1)));
    const untilExpiry = expiresAtMs - nowMs;
    return untilExpiry > 0 ? Math.max(MIN_REFRESH_DELAY_MS, Math.min(backoff, untilExpiry)) : backoff;
}
