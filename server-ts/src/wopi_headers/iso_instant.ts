// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// An ISO 8601 date-time as WOPI clients send it: "2026-01-02T03:04:05.123Z", with 0..9
// fraction digits (.NET round-trip format has 7, Collabora's own formatter 6) and Z or an offset.
// Kept at nanosecond precision because Date would round away the digits that distinguish two
// strings.
export type IsoInstant = {epochSeconds: number; nanos: number};

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

export function parseIsoInstant(text: string): IsoInstant | null {
    const m = ISO.exec(text);
    if (m === null) {
        return null;
    }
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const ms = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(ms);

    // Date.UTC silently rolls 2026-02-30 into March; a round trip catches impossible dates.
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day ||
        check.getUTCHours() !== hour || check.getUTCMinutes() !== minute || check.getUTCSeconds() !== second) {
        return null;
    }
    let offsetSeconds = 0;
    const zone = m[8];
    if (zone !== 'Z') {
        const hours = Number(zone.slice(1, 3));
        const minutes = Number(zone.slice(4, 6));
        if (hours > 23 || minutes > 59) {
            return null;
        }
        offsetSeconds = (zone[0] === '+' ? 1 : -1) * (hours * 3600 + minutes * 60);
    }
    const fraction = m[7] ?? '';
    return {epochSeconds: ms / 1000 - offsetSeconds, nanos: Number(fraction.padEnd(9, '0'))};
}

export function sameInstant(a: IsoInstant, b: IsoInstant): boolean {
    return a.epochSeconds === b.epochSeconds && a.nanos === b.nanos;
}
