// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {docKey, isMattermostId, type DocumentRecord} from '../documents/document_record';
import type {Services} from '../services';

import {CHANNEL_PERMISSIONS, type Rights} from './access_answers';

export interface DocumentAccess {
    doc: DocumentRecord;
    rights: Rights;
}

// gatherDocumentAccess finds a document by its id, confirms it against its post as Mattermost
// has it now, and decides the user's rights, from facts gathered in one bridge round trip (the
// shim asks Mattermost concurrently). 'absent': no record under that id; 'gone': the record is
// being removed, or its post is gone (it is then removed, as LiveDocuments.confirm does).
// Nothing is cached: every request asks again.
export async function gatherDocumentAccess(services: Services, userId: string, docId: string): Promise<DocumentAccess | 'absent' | 'gone'> {
    if (!isMattermostId(docId)) {
        return 'absent';
    }
    const gathered = await services.state.api.gatherAccessFacts({userId, recordKey: docKey(docId), channelPermissions: CHANNEL_PERMISSIONS});
    const stored = gathered.record ? JSON.parse(gathered.record.toString('utf8')) as DocumentRecord : null;
    if (!stored) {
        return 'absent';
    }
    if (stored.removedAt !== undefined) {
        return 'gone';
    }
    // A record always names its post; without an answer about it, ask as before.
    const doc = gathered.post ? await services.live.confirmWith(stored, gathered.post) : await services.live.confirm(stored);
    if (!doc) {
        return 'gone';
    }
    return {doc, rights: await services.access.rightsGathered(userId, doc, gathered)};
}

// documentAccess: the same, null for a document unknown or gone.
export async function documentAccess(services: Services, userId: string, docId: string): Promise<DocumentAccess | null> {
    const found = await gatherDocumentAccess(services, userId, docId);
    return typeof found === 'string' ? null : found;
}
