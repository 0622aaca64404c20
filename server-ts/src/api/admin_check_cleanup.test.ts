// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {MemoryPluginApi} from '../testing/memory_plugin_api';

import {cleanupResult} from './admin_check_cleanup';

describe('cleanupResult', () => {
    it('says the cleanup has not run yet', async () => {
        expect(await cleanupResult(new MemoryPluginApi())).toMatchObject({id: 'cleanup', ok: true, detail: expect.stringMatching(/^Not run yet/)});
    });

    it('shows the last report, whichever node wrote it', async () => {
        const api = new MemoryPluginApi();
        const report = {startedAt: 0, finishedAt: Date.UTC(2026, 0, 2, 3, 4, 5), documentsChecked: 7, documentsRemoved: 2, revisionsRemoved: 4, orphanUploadsRemoved: 1, orphanRecordsRemoved: 3};
        await api.kvSetWithOptions('cleanup:report', Buffer.from(JSON.stringify(report)));
        expect((await cleanupResult(api)).detail).toBe('Last run 2026-01-02T03:04:05.000Z: 7 documents checked, 2 removed (post deleted or removal interrupted), 4 old revisions and 1 unfinished saves removed, 3 leftover records removed.');
    });
});
