// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvGetJson, kvUpdateJson} from '../kv/json_kv';
import type {Logger} from '../logger';
import type {PluginApi} from '../mattermost/plugin_api';

import {docKey, documentFileIds, fileKey, type DocumentRecord} from './document_record';
import {removeRevisionContent} from './revision_content';

// KV records kept per document besides doc: and file: (locks/lock_store.ts, api/presence.ts).
const perDocumentKeys = (docId: string): string[] => [`lock:${docId}`, `editors:${docId}`];

// The stored revisions a removal deletes: every save and pending removal, but not the original
// upload, which is the author's post's file and stays Mattermost's to keep or purge (a deleted
// post's files are soft-deleted, kept for compliance export and data retention).
const revisionContentToRemove = (doc: DocumentRecord): string[] => [
    ...doc.revisions.filter((r) => r.version > 1).map((r) => r.fileId),
    ...(doc.pendingRemoval ?? []).map((p) => p.fileId),
];

// DocumentRemover removes a document whose post is gone. The first step marks the record
// removed (compare-and-set), which makes the document unknown to every route on every node at
// once; the KV records go next and the record itself last, so a removal interrupted half-way
// leaves a marked record that the next attempt finishes, and never a record pointing at nothing.
export class DocumentRemover {
    constructor(private readonly api: PluginApi, private readonly log: Logger, private readonly now: () => number) {}

    async remove(docId: string, reason: string): Promise<void> {
        const marked = await kvUpdateJson<DocumentRecord, DocumentRecord | null>(this.api, docKey(docId), (cur) => {
            if (!cur) {
                return {next: undefined, result: null};
            }
            if (cur.removedAt !== undefined) {
                return {next: undefined, result: cur};
            }
            const next = {...cur, removedAt: this.now()};
            return {next, result: next};
        });
        if (!marked) {
            return;
        }
        for (const key of perDocumentKeys(docId)) {
            await this.api.kvDelete(key);
        }
        for (const fileId of revisionContentToRemove(marked)) {
            await removeRevisionContent(this.api, this.log, fileId, marked.channelId);
        }
        for (const fileId of documentFileIds(marked)) {
            // A file: key names exactly one document; only this document's are removed.
            const mapped = await this.api.kvGet(fileKey(fileId));
            if (mapped && mapped.toString('utf8') === docId) {
                await this.api.kvDelete(fileKey(fileId));
            }
        }
        const stored = await kvGetJson<DocumentRecord>(this.api, docKey(docId));
        if (stored && stored.value.removedAt !== undefined) {
            await this.api.kvSetWithOptions(docKey(docId), null, {atomic: {oldValue: stored.raw}});
        }
        this.log.info('Removed a document whose post is gone', {doc_id: docId, post_id: marked.postId, reason, revisions: marked.revisions.length});
    }

    // removeSafely is for paths answering someone else's request: a failure is logged, and the
    // record stays marked, so the document stays unknown and the removal is finished later.
    async removeSafely(docId: string, reason: string): Promise<void> {
        try {
            await this.remove(docId, reason);
        } catch (err) {
            this.log.warn('Removing a document failed; it is finished later', {doc_id: docId, reason, error: err instanceof Error ? err.message : String(err)});
        }
    }
}
