// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvGetJson} from '../kv/json_kv';
import type {Logger} from '../logger';
import type {PluginApi} from '../mattermost/plugin_api';

import {docKey, fileKey, REVISION_UPLOADER, type DocumentRecord} from './document_record';
import type {DocumentRemover} from './document_remover';
import type {LiveDocuments} from './live_documents';
import {removeRevisionContent} from './revision_content';
import type {RevisionPruner} from './revision_pruner';
import {UPLOAD_MARKER_PREFIX, type UploadMarker, type UploadMarkers} from './upload_markers';

// The cleanup job finds what a crash or a missed hook left behind: removals interrupted
// half-way (of documents and of revisions), revisions past retention's age limit, documents
// whose post is gone, and file/lock/presence records of documents that no
// longer exist. Every node may start it; a KV key written only-if-absent, with an expiry (the
// same scheme as Mattermost's pluginapi cluster.Mutex), lets one node at a time run, and a
// node that dies while holding it frees it when the key expires. Each step is idempotent, so a
// run cut short is simply finished by the next.

const MUTEX_KEY = 'cleanup:mutex';
export const CLEANUP_REPORT_KEY = 'cleanup:report';
const MUTEX_SECONDS = 15 * 60;
const PAGE = 500;
// Records keyed by a document id besides doc: (file: maps a file id, so it is checked by value).
const PER_DOCUMENT_PREFIXES = ['lock:', 'editors:'];

export interface CleanupReport {
    startedAt: number;
    finishedAt: number;
    documentsChecked: number;
    documentsRemoved: number;
    revisionsRemoved: number;
    orphanUploadsRemoved: number;
    orphanRecordsRemoved: number;
}

export class CleanupJob {
    constructor(
        private readonly api: PluginApi,
        private readonly log: Logger,
        private readonly live: LiveDocuments,
        private readonly remover: DocumentRemover,
        private readonly pruner: RevisionPruner,
        private readonly uploads: UploadMarkers,
        // An upload marker this old belongs to a save that will never finish.
        private readonly staleUploadMs: () => number,
        private readonly now: () => number,
    ) {}

    // run returns the report, or null when another node holds the job.
    async run(): Promise<CleanupReport | null> {
        const token = Buffer.from(`${this.now()}:${Math.random()}`);
        if (!(await this.api.kvSetWithOptions(MUTEX_KEY, token, {atomic: {oldValue: null}, expireInSeconds: MUTEX_SECONDS}))) {
            return null;
        }
        try {
            const report = await this.sweep();
            await this.api.kvSetWithOptions(CLEANUP_REPORT_KEY, Buffer.from(JSON.stringify(report)));
            this.log.info('Cleanup finished', {...report});
            return report;
        } finally {
            await this.api.kvSetWithOptions(MUTEX_KEY, null, {atomic: {oldValue: token}});
        }
    }

    private async sweep(): Promise<CleanupReport> {
        const report: CleanupReport = {startedAt: this.now(), finishedAt: 0, documentsChecked: 0, documentsRemoved: 0, revisionsRemoved: 0, orphanUploadsRemoved: 0, orphanRecordsRemoved: 0};
        const keys = await this.allKeys();
        for (const key of keys.filter((k) => k.startsWith('doc:'))) {
            const doc = (await kvGetJson<DocumentRecord>(this.api, key))?.value;
            if (!doc) {
                continue;
            }
            report.documentsChecked++;
            if (doc.removedAt !== undefined) {
                await this.remover.remove(doc.docId, 'interrupted removal finished by the cleanup job');
                report.documentsRemoved++;
            } else if (!(await this.live.confirm(doc))) {
                report.documentsRemoved++;
            } else {
                // Revisions past the age limit, and removals a node stopped half-way.
                report.revisionsRemoved += await this.pruner.finishStale(doc) + await this.pruner.prune(doc.docId);
            }
        }
        for (const key of keys.filter((k) => k.startsWith(UPLOAD_MARKER_PREFIX))) {
            report.orphanUploadsRemoved += await this.finishUpload(key);
        }
        for (const key of keys) {
            const docId = await this.ownerOf(key);
            if (docId !== null && !(await this.api.kvGet(docKey(docId)))) {
                await this.api.kvDelete(key);
                report.orphanRecordsRemoved++;
            }
        }
        report.finishedAt = this.now();
        return report;
    }

    // finishUpload removes what a save cut short left: the file its marker describes, stored but
    // named by no record. A marker younger than staleUploadMs may belong to an upload under way.
    private async finishUpload(key: string): Promise<number> {
        const marker = await this.uploads.read(key);
        if (marker && this.now() - marker.since < this.staleUploadMs()) {
            return 0;
        }
        let removed = 0;
        if (marker) {
            for (const fileId of await this.unrecordedUploads(marker)) {
                removed += Number(await removeRevisionContent(this.api, this.log, fileId, marker.channelId));
            }
        }
        await this.uploads.end(key);
        return removed;
    }

    private async unrecordedUploads(marker: UploadMarker): Promise<string[]> {
        const infos = await this.api.getFileInfos(0, PAGE, {channel_ids: [marker.channelId], user_ids: [REVISION_UPLOADER], since: marker.since, sort_by: 'CreateAt'});
        const found: string[] = [];
        for (const info of infos.filter((i) => i.name === marker.name && !i.post_id && i.create_at - marker.since < this.staleUploadMs())) {
            if (!(await this.api.kvGet(fileKey(info.id)))) {
                found.push(info.id);
            }
        }
        return found;
    }

    // ownerOf is the document a per-document record belongs to, or null for other keys.
    private async ownerOf(key: string): Promise<string | null> {
        if (key.startsWith('file:')) {
            return (await this.api.kvGet(key))?.toString('utf8') ?? null;
        }
        const prefix = PER_DOCUMENT_PREFIXES.find((p) => key.startsWith(p));
        return prefix ? key.slice(prefix.length) : null;
    }

    private async allKeys(): Promise<string[]> {
        const keys: string[] = [];
        for (let page = 0; ; page++) {
            const batch = await this.api.kvList(page, PAGE);
            keys.push(...batch);
            if (batch.length < PAGE) {
                return keys;
            }
        }
    }
}
