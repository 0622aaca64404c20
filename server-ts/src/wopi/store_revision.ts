// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FileInfo} from '@mattermost/types/files';

import {REVISION_UPLOADER, type DocumentRecord, type SaveKind} from '../documents/document_record';
import {removeRevisionContent} from '../documents/revision_content';
import {MattermostError} from '../mattermost/plugin_api';
import type {Services} from '../services';

import type {SizedBody} from './request_body';
import {WopiError} from './wopi_error';

// storeRevision streams the bytes into Mattermost's file store through an upload session, then
// makes them the document's current revision. Nothing changes unless all bytes arrived. (Behind
// the shim, PutFile bodies are stored by the shim instead: put_file.ts.)
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
    const recorded = await recordRevision(services, doc, info, userId, options, name);
    if (!recorded) {
        // Refused (another save came first): the stored bytes are nobody's revision.
        await removeRevisionContent(services.state.api, services.state.log, info.id, doc.channelId);
    }
    await services.uploads.end(marker);
    return recorded;
}

// recordRevision makes a stored file the document's current revision (compare-and-set on the
// document record); null when the document changed since expectLastModified. The caller removes
// the stored bytes of a refused file and ends its upload marker (upload_markers.ts).
// uploadedName is the name the file was stored under.
export async function recordRevision(
    services: Services,
    doc: DocumentRecord,
    info: FileInfo,
    userId: string,
    options: {expectLastModified?: string; save?: SaveKind},
    uploadedName: string,
): Promise<DocumentRecord | null> {
    return services.documents.addRevision(doc.docId, info.id, info.size, userId, services.now(), {...options, uploadedName});
}
