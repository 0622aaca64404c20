// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// One line of the admin console's connection check. A failing line always carries a fix: a
// sentence telling the admin what to change.
export interface CheckResult {
    id: string;
    ok: boolean;
    title: string;
    detail: string;
    fix?: string;
}
