// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {REVISION_UPLOADER, type DocumentRecord, type SaveKind} from '../documents/document_record';
import {removeRevisionContent} from '../documents/revision_content';
import {MattermostError} from '../mattermost/plugin_api';
import type {Services} from '../services';

import type {SizedBody} from './request_body';
import {WopiError} from './wopi_error';


// storeRevision streams the bytes into Mattermost's file store through an upload session, then
// makes them the document's current revision. Nothing changes unless all bytes arrived.
export async function storeRevision(
    services: Services,
    doc: DocumentRecord,
    body: SizedBody,
    userId: string,
    options: {expectLastModified?: string; save?: SaveKind} = {},
): Promise<DocumentRecord | null> {
    const name = doc.name;
    const marker = await services.uploads.begin(doc, name);
    let info;
    try {
        info = body.size === 0
            ? await services.state.api.uploadFile(doc.channelId, name, body.stream)
            : await services.state.api.uploadData({userId: REVISION_UPLOADER, channelId: doc.channelId, filename: name, fileSize: body.size}, body.stream);
    } catch (err) {
        await services.uploads.end(marker);
        if (err instanceof MattermostError && err.statusCode === 413) {
            throw new WopiError(413, 'WOPI_TOO_LARGE', 'The document is larger than Mattermost allows.');
        }
        throw err;
    }
    // Should this node stop before the record names the file, the marker leads the cleanup job
    // to it (upload_markers.ts).
    const recorded = await services.documents.addRevision(doc.docId, info.id, info.size, userId, services.now(), {...options, uploadedName: name});
    if (!recorded) {
        // Refused (another save came first): the stored bytes are nobody's revision.
        await removeRevisionContent(services.state.api, services.state.log, info.id, doc.channelId);
    }
    await services.uploads.end(marker);
    return recorded;
}
