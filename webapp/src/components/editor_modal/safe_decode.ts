// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Collabora URI-encodes file names in File_Rename and Action_Save_Resp; a name that is not valid
// encoding is shown as it came.
export function safeDecode(value: string): string {
    try {
        return decodeURIComponent(value);
    } catch {
        return value;
    }
}
