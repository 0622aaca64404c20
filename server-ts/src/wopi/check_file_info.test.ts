// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {WopiHarness, SITE_URL} from '../testing/wopi_harness';

describe('CheckFileInfo', () => {
    let h: WopiHarness;
    beforeEach(async () => {
        h = await WopiHarness.start({WatermarkText: 'Confidential for {user}'});
    });
    afterEach(() => h.stop());

    it('describes the document and the user as Collabora reads them', async () => {
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'budget.xlsx', Buffer.from('12345'));
        const res = await h.wopi('GET', docId, await h.token(ana, docId, 'edit'));
        expect(res.statusCode).toBe(200);
        const info = JSON.parse(res.body) as Record<string, unknown>;
        expect(info).toMatchObject({
            BaseFileName: 'budget.xlsx', Size: 5, Version: '1', OwnerId: ana.id, UserId: ana.id, UserFriendlyName: 'Ana',
            UserCanWrite: true, UserCanNotWriteRelative: false, UserCanRename: true, PostMessageOrigin: SITE_URL,
            SupportsLocks: true, SupportsGetLock: true, SupportsExtendedLockLength: true, SupportsUpdate: true, SupportsRename: true,
            IsAdminUser: false, EnableOwnerTermination: true, WatermarkText: 'Confidential for Ana',
        });
        expect(info.LastModifiedTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
        expect((info.UserExtraInfo as {avatar: string}).avatar).toContain(`/api/v4/users/${ana.id}/image`);
        expect(info.DisableExport).toBeUndefined();
    });

    it('says read-only to a view token and to a member who may not post', async () => {
        const ana = h.addUser('ana');
        const quiet = h.addUser('quiet', {canPost: false});
        const docId = await h.postDocument(ana, 'budget.xlsx', Buffer.from('1'));
        const asViewer = JSON.parse((await h.wopi('GET', docId, await h.token(ana, docId, 'view'))).body) as Record<string, unknown>;
        expect([asViewer.UserCanWrite, asViewer.UserCanNotWriteRelative, asViewer.UserCanRename]).toEqual([false, true, false]);
        const asQuiet = JSON.parse((await h.wopi('GET', docId, await h.token(quiet, docId, 'edit'))).body) as Record<string, unknown>;
        expect(asQuiet.UserCanWrite).toBe(false);
    });

    it('follows the owner-only policy and the archived channel', async () => {
        const ana = h.addUser('ana');
        const ben = h.addUser('ben');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        await h.services.documents.update(docId, (d) => ({next: {...d, policy: 'owner'}, result: null}));
        const asBen = async () => JSON.parse((await h.wopi('GET', docId, await h.token(ben, docId, 'edit'))).body) as Record<string, unknown>;
        expect((await asBen()).UserCanWrite).toBe(false);
        await h.services.documents.update(docId, (d) => ({next: {...d, policy: 'channel'}, result: null}));
        expect((await asBen()).UserCanWrite).toBe(true);
        h.api.channels.set(h.channel.id, {...h.channel, delete_at: 1});
        expect((await asBen()).UserCanWrite).toBe(false);
    });

    it('hides print, export and copy when Mattermost forbids file downloads', async () => {
        h.api.config = {...h.api.config, FileSettings: {MaxFileSize: 1000, EnableFileAttachments: false}};
        await h.state.refreshServerConfig();
        const ana = h.addUser('ana');
        const docId = await h.postDocument(ana, 'memo.docx', Buffer.from('1'));
        const info = JSON.parse((await h.wopi('GET', docId, await h.token(ana, docId, 'view'))).body) as Record<string, unknown>;
        expect([info.DisablePrint, info.DisableExport, info.DisableCopy]).toEqual([true, true, true]);
    });
});
