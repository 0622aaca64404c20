// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Services} from '../services';

import type {WopiRequestContext} from './wopi_gate';

// CheckFileInfo: what Collabora reads about the document and the user (wopi-collabora.md 4).
// Rights are the ones just computed, not the token's: a user who lost edit rights opens
// read-only even with an edit token.
export async function checkFileInfo(services: Services, ctx: WopiRequestContext): Promise<Record<string, unknown>> {
    const {state} = services;
    const doc = await services.sessions.endIfIdleSafely(ctx.doc);
    const user = ctx.rights.user ?? await state.api.getUser(ctx.claims.userId);
    const displayName = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.nickname || user.username;
    const siteUrl = state.serverConfig.siteUrl;
    const isAdmin = user.roles.split(/\s+/).includes('system_admin');
    const mayDownload = state.serverConfig.fileAttachmentsEnabled;
    const info: Record<string, unknown> = {
        BaseFileName: doc.name,
        Size: doc.size,
        Version: String(doc.version),
        OwnerId: doc.ownerId,
        UserId: user.id,
        UserFriendlyName: displayName,
        UserCanWrite: ctx.canWrite,
        UserCanNotWriteRelative: !ctx.canWrite,
        UserCanRename: ctx.canWrite,
        PostMessageOrigin: siteUrl ? new URL(siteUrl).origin : '',
        LastModifiedTime: doc.lastModified,
        SupportsLocks: true,
        SupportsGetLock: true,
        SupportsExtendedLockLength: true,
        SupportsUpdate: true,
        SupportsRename: true,
        SupportsDeleteFile: false,
        IsAdminUser: isAdmin,
        IsAnonymousUser: false,
        EnableOwnerTermination: true,
        UserExtraInfo: {avatar: `${siteUrl}/api/v4/users/${user.id}/image?_=${user.last_picture_update ?? 0}`},
        BreadcrumbDocName: doc.name,
    };
    const watermark = state.settings.watermarkText;
    if (watermark) {
        info.WatermarkText = watermark.replaceAll('{user}', displayName);
    }
    if (!mayDownload) {
        Object.assign(info, {HidePrintOption: true, HideExportOption: true, HideSaveOption: false, DisablePrint: true, DisableExport: true, DisableCopy: true});
    }
    return info;
}
