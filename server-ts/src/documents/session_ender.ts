// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {PassThrough} from 'node:stream';

import type {LockStore} from '../locks/lock_store';
import type {PluginState} from '../runtime/plugin_state';

import {fileKey, needsRenamedFile, REVISION_UPLOADER, type DocumentRecord} from './document_record';
import type {DocumentStore} from './document_store';
import type {RevisionPruner} from './revision_pruner';
import {summaryName} from './summary_name';

export const EDIT_SUMMARY_PROP = 'collabora_edit_summary';


// When ending a session failed (post deleted, channel archived, update refused), it is tried
// again after these delays, and by every later CheckFileInfo and Lock on any node.
const RETRY_DELAYS_MS = [30_000, 5 * 60_000, 30 * 60_000];

// SessionEnder swaps the post's attachment to the newest revision when an editing session ends
// (exit save, unlock, or a lock that expired), and posts one edit summary per session. The
// claim on the record is a compare-and-set, so when several nodes notice the end at once,
// exactly one swaps and posts.
export class SessionEnder {
    constructor(
        private readonly state: PluginState,
        private readonly documents: DocumentStore,
        private readonly locks: LockStore,
        private readonly pruner: RevisionPruner,
        private readonly now: () => number,
    ) {}

    // endIfIdle ends the session of a document nobody holds a lock on any more.
    async endIfIdle(doc: DocumentRecord): Promise<DocumentRecord> {
        if ((doc.attachedFileId === doc.currentFileId && !needsRenamedFile(doc)) || (await this.locks.current(doc.docId)) !== '') {
            return doc;
        }
        return this.end(doc.docId);
    }

    // The WOPI paths end sessions on the side of another call (CheckFileInfo, Lock, Unlock, an
    // exit save, a rename): a failure there is logged and retried later, and the WOPI call is
    // answered as if nothing happened, so the next open never breaks.
    async endIfIdleSafely(doc: DocumentRecord): Promise<DocumentRecord> {
        try {
            return await this.endIfIdle(doc);
        } catch (err) {
            this.endFailed(doc.docId, err, 0);
            return doc;
        }
    }

    async endSafely(docId: string): Promise<void> {
        try {
            await this.end(docId);
        } catch (err) {
            this.endFailed(docId, err, 0);
        }
    }

    private endFailed(docId: string, err: unknown, attempt: number): void {
        const delay = RETRY_DELAYS_MS[attempt];
        this.state.log.warn('Ending the editing session failed; it is retried later', {doc_id: docId, attempt: attempt + 1, retry_in_ms: delay ?? 0, error: err instanceof Error ? err.message : String(err)});
        if (delay === undefined) {
            return;
        }
        setTimeout(() => {
            this.documents.get(docId)
                .then((doc) => (doc ? this.endIfIdle(doc) : undefined))
                .catch((again: unknown) => this.endFailed(docId, again, attempt + 1));
        }, delay).unref();
    }

    async end(docId: string): Promise<DocumentRecord> {
        const renamed = await this.documents.require(docId);
        if (needsRenamedFile(renamed)) {
            await this.storeUnderNewName(renamed);
        }
        const claim = await this.documents.update(docId, (doc) => {
            if (doc.attachedFileId === doc.currentFileId) {
                return {next: undefined, result: null};
            }
            const next: DocumentRecord = {...doc, attachedFileId: doc.currentFileId, editorsSinceSwap: [], sessionsEnded: (doc.sessionsEnded ?? 0) + 1};
            return {next, result: {before: doc, after: next}};
        });
        if (!claim) {
            return this.documents.require(docId);
        }
        const {before, after} = claim;
        let preserved: string | null = null;
        try {
            const post = await this.state.api.getPost(after.postId);
            const fileIds = post.file_ids ?? [];
            if (fileIds.includes(before.attachedFileId)) {
                preserved = await this.preserve(before);
                post.file_ids = fileIds.map((id) => (id === before.attachedFileId ? after.currentFileId : id));
                await this.state.api.updatePost(post);
            } else if (!fileIds.includes(after.currentFileId)) {
                // The attachment was removed from the post meanwhile: the revisions stay
                // listed and restorable, but the post is not given the document back.
                this.state.log.info('Document no longer attached to its post; attachment left as it is', {doc_id: docId, post_id: post.id});
            }
        } catch (err) {
            // Give the swap back so that the next request retries it.
            await this.documents.update(docId, (doc) => (doc.currentFileId === after.currentFileId && doc.attachedFileId === after.currentFileId
                ? {next: {...doc, attachedFileId: before.attachedFileId, editorsSinceSwap: before.editorsSinceSwap, sessionsEnded: before.sessionsEnded}, result: undefined}
                : {next: undefined, result: undefined}));
            throw err;
        }
        const current = preserved ? await this.pointRevisionAtCopy(docId, before.attachedFileId, preserved) : after;
        await this.postSummary(after, before.editorsSinceSwap);
        await this.state.api.publishWebSocketEvent('document_updated', {doc_id: docId, file_id: after.currentFileId, post_id: after.postId}, {channelId: after.channelId});
        // A session ended: the oldest kept session may now be one too many.
        await this.pruner.pruneSafely(docId);
        return current;
    }

    // storeUnderNewName gives the current revision a file under the name a rename chose (the
    // post shows file names, which cannot change in place). Only when no save did it first:
    // the new file becomes a revision with the same content and LastModifiedTime.
    private async storeUnderNewName(doc: DocumentRecord): Promise<void> {
        const bytes = this.state.api.getFile(doc.currentFileId).pipe(new PassThrough());
        const info = doc.size === 0
            ? await this.state.api.uploadFile(doc.channelId, doc.name, bytes)
            : await this.state.api.uploadData({userId: REVISION_UPLOADER, channelId: doc.channelId, filename: doc.name, fileSize: doc.size}, bytes);
        const author = doc.revisions[doc.revisions.length - 1]?.userId ?? doc.ownerId;
        await this.documents.addRevision(doc.docId, info.id, info.size, author, this.now(), {sameContentAs: doc.currentFileId, uploadedName: doc.name});
    }

    // preserve keeps the file the post is about to stop showing readable: Mattermost soft-deletes
    // it on the update, after which the Plugin API can no longer read it, and it is a revision
    // that must stay restorable. The copy is a second, unattached FileInfo over the same stored
    // bytes, which Mattermost never deletes: no bytes are copied.
    private async preserve(doc: DocumentRecord): Promise<string> {
        const [copyId] = await this.state.api.copyFileInfos(REVISION_UPLOADER, [doc.attachedFileId]);
        await this.state.api.kvSetWithOptions(fileKey(copyId), Buffer.from(doc.docId));
        return copyId;
    }

    private async pointRevisionAtCopy(docId: string, detachedFileId: string, copyId: string): Promise<DocumentRecord> {
        return this.documents.update(docId, (doc) => {
            // Retention may have taken the revision off the list meanwhile: the copy is then
            // nobody's revision, and goes too.
            const listed = doc.revisions.some((r) => r.fileId === detachedFileId);
            const next: DocumentRecord = listed
                ? {...doc, revisions: doc.revisions.map((r) => (r.fileId === detachedFileId ? {...r, fileId: copyId, originalFileId: r.originalFileId ?? detachedFileId} : r))}
                : {...doc, pendingRemoval: [...(doc.pendingRemoval ?? []), {fileId: copyId, since: 0}]};
            return {next, result: next};
        });
    }

    private async postSummary(doc: DocumentRecord, editorIds: string[]): Promise<void> {
        if (!this.state.settings.editSummaries || editorIds.length === 0) {
            return;
        }
        const names: string[] = [];
        for (const id of editorIds) {
            try {
                const user = await this.state.api.getUser(id);
                names.push(`@${user.username}`);
            } catch {
                names.push('someone');
            }
        }
        const root = await this.state.api.getPost(doc.postId);
        const link = `${this.state.serverConfig.siteUrl}/api/v4/files/${doc.currentFileId}?download=1`;
        await this.state.api.createPost({
            user_id: editorIds[editorIds.length - 1],
            channel_id: doc.channelId,
            root_id: root.root_id || root.id,
            message: `${names.join(', ')} edited ${summaryName(doc.name)} in Collabora Online. [Download revision ${doc.version}](${link})`,
            props: {[EDIT_SUMMARY_PROP]: doc.docId, from_plugin: 'true'},
        });
    }
}
