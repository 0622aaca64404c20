// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {CLEANUP_REPORT_KEY, type CleanupReport} from '../documents/cleanup_job';
import {kvGetJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

import type {CheckResult} from './admin_check_result';

// cleanupResult shows the last cleanup run (documents/cleanup_job.ts), whichever node ran it:
// the report lives in the KV store. Informational: a cleanup not run yet is not a failure.
export async function cleanupResult(api: PluginApi): Promise<CheckResult> {
    const title = 'Cleanup of removed documents';
    const report = (await kvGetJson<CleanupReport>(api, CLEANUP_REPORT_KEY))?.value;
    if (!report) {
        return {id: 'cleanup', ok: true, title, detail: 'Not run yet: it runs a minute after the plugin starts, then daily.'};
    }
    const when = new Date(report.finishedAt).toISOString();
    return {
        id: 'cleanup',
        ok: true,
        title,
        detail: `Last run ${when}: ${report.documentsChecked} documents checked, ${report.documentsRemoved} removed (post deleted or removal interrupted), ${report.revisionsRemoved ?? 0} old revisions and ${report.orphanUploadsRemoved ?? 0} unfinished saves removed, ${report.orphanRecordsRemoved} leftover records removed.`,
    };
}
