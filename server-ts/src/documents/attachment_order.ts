// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvUpdateJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

import {docKey, fileKey, type DocumentRecord} from './document_record';

// Mattermost shows a post's attachments in the order of their FileInfo CreateAt (the server's
// GetFileInfosForPost and the webapp's sortFileInfos), not in the order of post.file_ids. A new
// revision is the newest file, so it would move to the end. The attachments after it are given
// fresh FileInfos over the same stored bytes (CopyFileInfos: no bytes copied), made after the
// revision, so every attachment keeps its place. The Plugin API cannot set CreateAt.

// UPLOADER as in session_ender.ts: "nouser" files can be attached to any post by the plugin.
const UPLOADER = 'nouser';

export interface Reordered {
    fileIds: string[];
    // Old attachment id -> the copy that now stands in its place.
    copies: Map<string, string>;
}

// inPlace returns the post's new file ids with `replaced` swapped for `replacement`, and the
// attachments shown after it recreated after it. post.file_ids is not in display order
// (Mattermost may store it in any order), so "after" is read from the FileInfos' CreateAt.
// Documents among them are pointed at their copies first, so none is ever left naming a file
// the post stopped showing.
export async function inPlace(api: PluginApi, fileIds: string[], replaced: string, replacement: string): Promise<Reordered> {
    const infos = await Promise.all(fileIds.map((id) => api.getFileInfo(id)));
    const own = infos.find((i) => i.id === replaced);
    const later = own ? infos.filter((i) => i.id !== replaced && i.create_at >= own.create_at).sort((x, y) => x.create_at - y.create_at) : [];
    const copies = new Map<string, string>();
    for (const info of later) {
        // One at a time, each in its own millisecond: copies made in one call share CreateAt,
        // and their order would be the database's.
        const [copy] = await api.copyFileInfos(UPLOADER, [info.id]);
        copies.set(info.id, copy);
        await followCopy(api, info.id, copy);
        await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return {fileIds: fileIds.map((id) => (id === replaced ? replacement : copies.get(id) ?? id)), copies};
}

// followCopy points the document that shows `old` (if any) at `copy`: the post is about to show
// the copy, and Mattermost soft-deletes `old` when it stops showing it.
async function followCopy(api: PluginApi, old: string, copy: string): Promise<void> {
    const mapped = await api.kvGet(fileKey(old));
    const docId = mapped ? mapped.toString('utf8') : old;
    const changed = await kvUpdateJson<DocumentRecord, boolean>(api, docKey(docId), (doc) => {
        if (!doc || doc.removedAt !== undefined) {
            return {next: undefined, result: false};
        }
        const swap = (id: string): string => (id === old ? copy : id);
        const next: DocumentRecord = {
            ...doc,
            currentFileId: swap(doc.currentFileId),
            attachedFileId: swap(doc.attachedFileId),
            revisions: doc.revisions.map((r) => (r.fileId === old ? {...r, fileId: copy, originalFileId: r.originalFileId ?? old} : r)),
        };
        return {next, result: true};
    });
    if (changed) {
        await api.kvSetWithOptions(fileKey(copy), Buffer.from(docId));
    }
}
