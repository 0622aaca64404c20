// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {CheckResult} from './admin_check_result';

// @mentions in documents and the thread beside the editor need nothing of Collabora beyond
// the editor itself; the notification's link to the document needs Mattermost's Site URL.
export function mentionsResult(siteUrl: string): CheckResult {
    const title = 'Mentions and the document\'s thread';
    if (!siteUrl) {
        return {
            id: 'mentions',
            ok: false,
            title,
            detail: 'People mentioned in a document are notified by a reply in its thread, but without a link that opens the document: Mattermost has no Site URL.',
            fix: 'Set the Site URL (System Console > Environment > Web Server) to the address people reach Mattermost at.',
        };
    }
    return {
        id: 'mentions',
        ok: true,
        title,
        detail: `Typing @ in a document offers the members of its channel who may view it; the one picked is notified in the document's thread with a link to ${siteUrl}. The editor shows the thread beside the document.`,
    };
}
