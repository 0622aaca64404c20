// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The ONE format of LastModifiedTime, used in CheckFileInfo, in every PutFile response body and
// in the stored document record: ISO 8601, UTC, "Z", exactly three fraction digits
// ("2026-01-02T03:04:05.006Z"). Collabora echoes this string back in X-COOL-WOPI-Timestamp;
// any drift in precision or zone spelling between the places that emit it shows users a false
// "document changed in storage" dialog (wopi-collabora.md 0.2 and 10 "Timestamp format drift").
export function formatLastModifiedTime(at: Date | number): string {
    const date = typeof at === 'number' ? new Date(at) : at;
    const ms = date.getTime();

    // Only our own clock or stored values reach this; an invalid date is a programming error.
    if (!Number.isFinite(ms) || ms < 0 || ms > 253402300799999) {
        throw new RangeError('formatLastModifiedTime: date outside 1970-01-01..9999-12-31');
    }

    // toISOString is always YYYY-MM-DDTHH:mm:ss.sssZ for years 0..9999.
    return date.toISOString();
}
