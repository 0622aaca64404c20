// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {EditPolicy} from '../policy';

// A document keeps one identity, the Mattermost file id it was first posted with: every user
// gets the same WOPISrc, so Collabora keeps one editing session per document. Each save adds
// a revision (a new Mattermost file); the post's attachment is swapped to the newest one when
// the editing session ends.

export interface Revision {
    fileId: string;
    size: number;
    createdAt: number;
    // The user whose save produced it; '' for the original upload.
    userId: string;
    version: number;
    // The file id this revision had while a post showed it. Mattermost soft-deletes a file a
    // post stops showing, so the revision's bytes then live in a copy (fileId); links and
    // requests that still name the old id find the revision through this.
    originalFileId?: string;
    // The kind of save that made it (X-COOL-WOPI-IsAutosave, IsExitSave, IsModifiedByUser, or a
    // restore); absent for the original upload, renamed copies and older records.
    save?: SaveKind;
    // The editing session it was saved in (DocumentRecord.sessionsEnded at the time).
    session?: number;
}

export type SaveKind = 'autosave' | 'exit' | 'user' | 'restore' | 'other';

export const revisionMatches = (r: Revision, fileId: string): boolean => r.fileId === fileId || r.originalFileId === fileId;

export interface DocumentRecord {
    docId: string;
    postId: string;
    channelId: string;
    ownerId: string;
    name: string;
    currentFileId: string;
    // The file the post shows; differs from currentFileId while an editing session is open.
    attachedFileId: string;
    size: number;
    version: number;
    // The LastModifiedTime string given to Collabora, byte-identical everywhere.
    lastModified: string;
    revisions: Revision[];
    policy?: EditPolicy;
    // Users who saved changes since the post last showed the newest revision (edit summary).
    editorsSinceSwap: string[];
    // The Mattermost file name of currentFileId, when a rename made it differ from name. A
    // rename only changes name; the file under the new name is made when the post needs it.
    currentFileName?: string;
    // Set when the document's post (or its attachment) is gone: from then on the document is
    // unknown to every route, and its files and KV records are being removed. Kept until the
    // removal finished, so a removal interrupted half-way is found and finished later.
    removedAt?: number;
    // Editing sessions ended so far; revisions are grouped by it for retention.
    sessionsEnded?: number;
    // Revisions taken off the list by retention whose stored bytes and file: records are still
    // being removed (revision_pruner.ts). Listed here first, so that a removal cut short is
    // finished later and the list never names a file that is gone.
    pendingRemoval?: PendingRemoval[];
}

export interface PendingRemoval {
    fileId: string;
    // The revision's originalFileId, whose file: record goes with it.
    originalFileId?: string;
    // When the removal was claimed; the cleanup job finishes claims older than a few minutes.
    since: number;
}

// Revisions listed in the record; older ones are removed (document_store.ts listWithin).
export const MAX_LISTED_REVISIONS = 100;

// Revisions are stored as "nouser": Mattermost's plugin UpdatePost attaches only files of the
// session user, which plugins do not have, or "nouser".
export const REVISION_UPLOADER = 'nouser';

export const docKey = (docId: string): string => `doc:${docId}`;
export const fileKey = (fileId: string): string => `file:${fileId}`;

// Mattermost ids are 26 lower-case base32 characters; anything else is not a document.
export const isMattermostId = (id: string): boolean => /^[a-z0-9]{26}$/.test(id);

// needsRenamedFile: the current revision's file still carries the name from before a rename.
export const needsRenamedFile = (doc: DocumentRecord): boolean => doc.currentFileName !== undefined && doc.currentFileName !== doc.name;

// Every Mattermost file id the document has had: what a post may show of it.
export const documentFileIds = (doc: DocumentRecord): string[] => {
    const ids = new Set<string>([doc.docId, doc.currentFileId, doc.attachedFileId]);
    for (const r of doc.revisions) {
        ids.add(r.fileId);
        if (r.originalFileId) {
            ids.add(r.originalFileId);
        }
    }
    for (const p of doc.pendingRemoval ?? []) {
        ids.add(p.fileId);
        if (p.originalFileId) {
            ids.add(p.originalFileId);
        }
    }
    return [...ids];
};
