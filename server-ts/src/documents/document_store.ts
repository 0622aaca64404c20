// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvGetJson, kvUpdateJson} from '../kv/json_kv';
import {MattermostError, type PluginApi} from '../mattermost/plugin_api';
import {policyFromLegacyProps} from '../policy';
import {formatLastModifiedTime} from '../wopi_headers';

import {docKey, fileKey, isMattermostId, MAX_LISTED_REVISIONS, type DocumentRecord, type Revision, type SaveKind} from './document_record';

export class DocumentNotFoundError extends Error {
    constructor(id: string) {
        super(`No document ${id}.`);
        this.name = 'DocumentNotFoundError';
    }
}

// DocumentStore keeps document records in the KV store. Records change only by
// compare-and-set, so any node may serve the next request.
export class DocumentStore {
    constructor(private readonly api: PluginApi, private readonly legacyFileEditPermissions: () => unknown = () => undefined) {}

    // get answers null for a document being removed: its post is gone, so it is unknown.
    async get(docId: string): Promise<DocumentRecord | null> {
        const doc = await this.getEvenRemoved(docId);
        return doc && doc.removedAt === undefined ? doc : null;
    }

    async getEvenRemoved(docId: string): Promise<DocumentRecord | null> {
        if (!isMattermostId(docId)) {
            return null;
        }
        return (await kvGetJson<DocumentRecord>(this.api, docKey(docId)))?.value ?? null;
    }

    async require(docId: string): Promise<DocumentRecord> {
        const doc = await this.get(docId);
        if (!doc) {
            throw new DocumentNotFoundError(docId);
        }
        return doc;
    }

    // resolve finds the document a Mattermost file belongs to (any of its revisions), creating
    // the record the first time a posted file is opened.
    async resolve(fileId: string): Promise<DocumentRecord> {
        if (!isMattermostId(fileId)) {
            throw new DocumentNotFoundError(fileId);
        }
        const mapped = await this.api.kvGet(fileKey(fileId));
        if (mapped) {
            return this.require(mapped.toString('utf8'));
        }
        const existing = await this.getEvenRemoved(fileId);
        if (existing) {
            // A document being removed is not created again from its old file.
            if (existing.removedAt !== undefined) {
                throw new DocumentNotFoundError(fileId);
            }
            return existing;
        }
        return this.create(fileId);
    }

    private async create(fileId: string): Promise<DocumentRecord> {
        let info;
        try {
            info = await this.api.getFileInfo(fileId);
        } catch (err) {
            if (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400)) {
                throw new DocumentNotFoundError(fileId);
            }
            throw err;
        }
        if (!info.post_id || info.delete_at) {
            throw new DocumentNotFoundError(fileId);
        }
        const post = await this.api.getPost(info.post_id);
        const legacy = policyFromLegacyProps(post.props as Record<string, unknown>, fileId, this.legacyFileEditPermissions());
        const record: DocumentRecord = {
            docId: fileId,
            postId: post.id,
            channelId: post.channel_id,
            ownerId: post.user_id,
            name: info.name,
            currentFileId: fileId,
            attachedFileId: fileId,
            size: info.size,
            version: 1,
            lastModified: formatLastModifiedTime(info.update_at || info.create_at),
            revisions: [{fileId, size: info.size, createdAt: info.create_at, userId: post.user_id, version: 1}],
            policy: legacy.policy,
            editorsSinceSwap: [],
        };
        // Two nodes may create the same record at once: the first write wins, both read it back.
        return kvUpdateJson<DocumentRecord, DocumentRecord>(this.api, docKey(fileId), (cur) => (cur ? {next: undefined, result: cur} : {next: record, result: record}));
    }

    // update changes a record by compare-and-set; change returns the new record or undefined
    // to leave it.
    async update<R>(docId: string, change: (doc: DocumentRecord) => {next: DocumentRecord | undefined; result: R}): Promise<R> {
        return kvUpdateJson<DocumentRecord, R>(this.api, docKey(docId), (cur) => {
            if (!cur || cur.removedAt !== undefined) {
                throw new DocumentNotFoundError(docId);
            }
            return change(cur);
        });
    }

    // addRevision makes a stored file the document's current content at once, for every node.
    // With expectLastModified, it refuses (returns null) when another save came first.
    // uploadedName is the name the file was stored under; a rename that landed meanwhile keeps
    // the record's name. sameContentAs (the current file id it copies) adds a renamed copy of the
    // current revision: refused when the current file changed, and LastModifiedTime stays.
    async addRevision(docId: string, fileId: string, size: number, userId: string, now: number, options: AddRevisionOptions = {}): Promise<DocumentRecord | null> {
        await this.api.kvSetWithOptions(fileKey(fileId), Buffer.from(docId));
        return this.update<DocumentRecord | null>(docId, (doc) => {
            if (options.expectLastModified !== undefined && doc.lastModified !== options.expectLastModified) {
                return {next: undefined, result: null};
            }
            if (options.sameContentAs !== undefined && doc.currentFileId !== options.sameContentAs) {
                return {next: undefined, result: null};
            }
            const version = doc.version + 1;
            const revision: Revision = {fileId, size, createdAt: now, userId, version, ...(options.save ? {save: options.save, session: doc.sessionsEnded ?? 0} : {})};
            const name = options.name ?? doc.name;
            const edited = options.sameContentAs === undefined;
            const next: DocumentRecord = {
                ...doc,
                currentFileId: fileId,
                name,
                size,
                version,
                lastModified: edited ? formatLastModifiedTime(now) : doc.lastModified,
                ...listWithin(doc, revision),
                editorsSinceSwap: !edited || doc.editorsSinceSwap.includes(userId) ? doc.editorsSinceSwap : [...doc.editorsSinceSwap, userId],
                currentFileName: options.uploadedName === undefined || options.uploadedName === name ? undefined : options.uploadedName,
            };
            return {next, result: next};
        });
    }

    // rename changes only the document's name: its content, version and LastModifiedTime stay,
    // so the save Collabora sends next with the timestamp it holds is not a conflict.
    async rename(docId: string, name: string): Promise<DocumentRecord> {
        return this.update(docId, (doc) => {
            const fileName = doc.currentFileName ?? doc.name;
            const next: DocumentRecord = {...doc, name, currentFileName: fileName === name ? undefined : fileName};
            return {next, result: next};
        });
    }
}

// listWithin adds a revision to the list, keeping it within MAX_LISTED_REVISIONS: the oldest
// unprotected ones leave the list as claims of the cleanup job (stale at once), so their bytes
// are removed rather than left unlisted. The original upload and the shown file stay listed.
function listWithin(doc: DocumentRecord, revision: Revision): Pick<DocumentRecord, 'revisions' | 'pendingRemoval'> {
    const all = [...doc.revisions, revision];
    const excess = all.length - MAX_LISTED_REVISIONS;
    if (excess <= 0) {
        return {revisions: all};
    }
    const dropped = new Set(all.filter((r) => r.version !== 1 && r.fileId !== doc.attachedFileId).slice(0, excess).map((r) => r.fileId));
    return {
        revisions: all.filter((r) => !dropped.has(r.fileId)),
        pendingRemoval: [...(doc.pendingRemoval ?? []), ...all.filter((r) => dropped.has(r.fileId))
            .map((r) => ({fileId: r.fileId, ...(r.originalFileId ? {originalFileId: r.originalFileId} : {}), since: 0}))],
    };
}

export interface AddRevisionOptions {
    expectLastModified?: string;
    name?: string;
    uploadedName?: string;
    sameContentAs?: string;
    save?: SaveKind;
}
