// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Logger} from '../logger';
import type {PluginApi} from '../mattermost/plugin_api';

import {fileKey, type DocumentRecord, type PendingRemoval} from './document_record';
import type {DocumentStore} from './document_store';
import {revisionsToRemove, type RetentionSettings} from './retention_plan';
import {removeRevisionContent} from './revision_content';

// RevisionPruner applies the retention plan. A removal goes in three steps, each safe to cut
// short:
// 1. by compare-and-set, the planned revisions leave the list and are claimed in
//    pendingRemoval, so no route offers them any more and no other node claims them too;
// 2. their stored bytes (through the shim, Mattermost's own file store) and file: records go;
// 3. by compare-and-set, the claims are dropped.
// A node that dies after 1 leaves claims that the cleanup job finishes once they are stale.
// Revisions still being written are not in the list yet, so they are never planned.
export class RevisionPruner {
    constructor(
        private readonly api: PluginApi,
        private readonly documents: DocumentStore,
        private readonly log: Logger,
        private readonly settings: () => RetentionSettings & {staleClaimMs: number},
        private readonly now: () => number,
    ) {}

    // prune claims what the plan removes now and removes it; answers how many were removed.
    async prune(docId: string): Promise<number> {
        let channelId = '';
        const claimed = await this.documents.update<PendingRemoval[]>(docId, (doc) => {
            channelId = doc.channelId;
            const planned = new Set(revisionsToRemove(doc, this.settings(), this.now()));
            if (planned.size === 0) {
                return {next: undefined, result: []};
            }
            const claims: PendingRemoval[] = doc.revisions.filter((r) => planned.has(r.fileId))
                .map((r) => ({fileId: r.fileId, ...(r.originalFileId ? {originalFileId: r.originalFileId} : {}), since: this.now()}));
            const next: DocumentRecord = {
                ...doc,
                revisions: doc.revisions.filter((r) => !planned.has(r.fileId)),
                pendingRemoval: [...(doc.pendingRemoval ?? []), ...claims],
            };
            return {next, result: claims};
        });
        return this.removeClaimed(docId, channelId, claimed);
    }

    // finishStale finishes removals whose claiming node stopped; for the cleanup job.
    async finishStale(doc: DocumentRecord): Promise<number> {
        const stale = (doc.pendingRemoval ?? []).filter((p) => this.now() - p.since >= this.settings().staleClaimMs);
        return this.removeClaimed(doc.docId, doc.channelId, stale);
    }

    // pruneSafely is for paths answering someone else's request: a failure is logged, and what
    // was claimed is finished by the cleanup job.
    async pruneSafely(docId: string): Promise<void> {
        try {
            await this.prune(docId);
        } catch (err) {
            this.log.warn('Removing old revisions failed; the cleanup job finishes it', {doc_id: docId, error: err instanceof Error ? err.message : String(err)});
        }
    }

    private async removeClaimed(docId: string, channelId: string, claims: PendingRemoval[]): Promise<number> {
        if (claims.length === 0) {
            return 0;
        }
        for (const claim of claims) {
            await removeRevisionContent(this.api, this.log, claim.fileId, channelId);
            // The file id it had while a post showed it leads to it too.
            for (const id of [claim.fileId, claim.originalFileId ?? claim.fileId]) {
                const mapped = await this.api.kvGet(fileKey(id));
                if (mapped && mapped.toString('utf8') === docId) {
                    await this.api.kvDelete(fileKey(id));
                }
            }
        }
        const done = new Set(claims.map((c) => c.fileId));
        await this.documents.update(docId, (doc) => ({
            next: {...doc, pendingRemoval: (doc.pendingRemoval ?? []).filter((p) => !done.has(p.fileId))},
            result: undefined,
        }));
        this.log.info('Removed old revisions', {doc_id: docId, removed: claims.length});
        return claims.length;
    }
}
