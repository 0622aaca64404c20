// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Post} from '@mattermost/types/posts';

import {settle, type Gathered, type PluginApi} from '../mattermost/plugin_api';

import {documentFileIds, fileKey, type DocumentRecord} from './document_record';
import type {DocumentRemover} from './document_remover';
import {DocumentNotFoundError, type DocumentStore} from './document_store';

// LiveDocuments answers, from the post as Mattermost has it now, whether a document still
// exists and which channel decides rights over it. Every route asks before it decides: a hook
// may have been missed (the plugin was down when the post was deleted), and a post can change
// channel, so the record's own channelId is only a cache of the post's.
export class LiveDocuments {
    constructor(private readonly api: PluginApi, private readonly documents: DocumentStore, private readonly remover: DocumentRemover) {}

    // confirm returns the document with its post's current channel, or null when the post or
    // its attachment is gone (the document is then removed).
    async confirm(doc: DocumentRecord): Promise<DocumentRecord | null> {
        return this.confirmWith(doc, await settle(this.api.getPost(doc.postId)));
    }

    // confirmWith is confirm with the post already read (gathered with the rights facts).
    async confirmWith(doc: DocumentRecord, answer: Gathered<Post>): Promise<DocumentRecord | null> {
        const post = livePost(answer);
        if (!post) {
            await this.remover.removeSafely(doc.docId, 'post deleted');
            return null;
        }
        const shown = new Set(post.file_ids ?? []);
        if (!documentFileIds(doc).some((id) => shown.has(id))) {
            await this.remover.removeSafely(doc.docId, 'attachment removed from the post');
            return null;
        }
        if (post.channel_id === doc.channelId) {
            return doc;
        }
        try {
            return await this.documents.update(doc.docId, (cur) => {
                const next: DocumentRecord = {...cur, channelId: post.channel_id};
                return {next, result: next};
            });
        } catch (err) {
            if (err instanceof DocumentNotFoundError) {
                return null;
            }
            throw err;
        }
    }

    // checkFiles looks again at the documents behind a post's files, after Mattermost said the
    // post was deleted or edited: what happened is read from Mattermost, not from the hook.
    async checkFiles(fileIds: readonly string[]): Promise<void> {
        const docIds = new Set<string>();
        for (const fileId of fileIds) {
            const mapped = await this.api.kvGet(fileKey(fileId));
            docIds.add(mapped ? mapped.toString('utf8') : fileId);
        }
        for (const docId of docIds) {
            const doc = await this.documents.get(docId);
            if (doc) {
                await this.confirm(doc);
            }
        }
    }

}

// livePost: the post, or null when Mattermost says it is gone (deleted, or not found).
function livePost(answer: Gathered<Post>): Post | null {
    if ('error' in answer) {
        if (answer.error.isNotFound) {
            return null;
        }
        throw answer.error;
    }
    return answer.value.delete_at > 0 ? null : answer.value;
}
