// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Whether the thread panel is collapsed, remembered per user in this browser. A UI preference only
// (nothing depends on it, nothing is lost without it), so localStorage keyed by the user id rather than
// a Mattermost preference the server would have to sync.
import {pluginId} from '../../manifest';

export const preferenceKey = (userId: string): string => `${pluginId}:thread_panel_collapsed:${userId}`;

export function readCollapsed(userId: string): boolean {
    try {
        return window.localStorage.getItem(preferenceKey(userId)) === 'true';
    } catch {
        return false;
    }
}

export function writeCollapsed(userId: string, collapsed: boolean): void {
    try {
        window.localStorage.setItem(preferenceKey(userId), String(collapsed));
    } catch {
        // Storage full or disabled: the panel just opens as it did.
    }
}
