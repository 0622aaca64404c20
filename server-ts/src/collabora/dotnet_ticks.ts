// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// X-WOPI-TimeStamp is .NET DateTime ticks: 100 ns units since 0001-01-01T00:00:00Z
// (wopi-collabora.md 5.1). The values exceed 2^53, so they live in BigInt.
export const TICKS_AT_UNIX_EPOCH = 621355968000000000n;
const TICKS_PER_MS = 10000n;

export function unixMsToTicks(ms: number): bigint {
    return BigInt(Math.trunc(ms)) * TICKS_PER_MS + TICKS_AT_UNIX_EPOCH;
}

export function ticksToUnixMs(ticks: bigint): number {
    return Number((ticks - TICKS_AT_UNIX_EPOCH) / TICKS_PER_MS);
}

// Plain decimal digits that fit a signed 64-bit integer (what is signed, section 5.2).
export function parseTicks(text: string): bigint | null {
    const trimmed = text.trim();
    if (!/^\d{1,19}$/.test(trimmed)) {
        return null;
    }
    const ticks = BigInt(trimmed);
    return ticks <= 0x7fffffffffffffffn ? ticks : null;
}
