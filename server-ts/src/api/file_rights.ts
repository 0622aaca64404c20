// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {DocumentRecord} from '../documents/document_record';
import {parseEditPolicy, type EditPolicy} from '../policy';
import type {Rights} from '../rights/access_service';
import type {Services} from '../services';
import {extensionOf} from '../wopi/file_names';

import {badRequest, forbidden} from './api_error';
import {supportOf} from './format_support';
import {bodyObject, sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

export interface FileRights {
    canView: boolean;
    canEdit: boolean;
    reason: string;
    policy: EditPolicy;
    canChangePolicy: boolean;
}

// fileRights turns the policy's decision into what the webapp shows. Edit also needs a format
// Collabora can edit: a view-only format (PDF, say) never shows an Edit button that would only
// open read-only.
export async function fileRights(services: Services, doc: DocumentRecord, rights: Rights): Promise<FileRights> {
    let canEdit = rights.decision.access === 'edit';
    let reason = rights.decision.reason;
    if (canEdit) {
        const discovery = await services.discovery.get();
        const ext = extensionOf(doc.name);
        if (!discovery) {
            canEdit = false;
            reason = 'Collabora Online is not available right now, so documents cannot be edited.';
        } else if (!supportOf(discovery, ext).edit) {
            canEdit = false;
            reason = ext ? `Collabora Online can show .${ext} files but cannot edit them.` : 'Collabora Online cannot edit files without an extension.';
        }
    }
    return {
        canView: rights.decision.access !== 'none',
        canEdit,
        reason,
        policy: rights.policy,
        canChangePolicy: rights.change.allowed,
    };
}

type FileParams = {Params: {fileId: string}};

export function registerFileRightsRoutes(app: FastifyInstance, services: Services): void {
    app.get<FileParams>('/api/v1/files/:fileId/rights', async (request) => {
        const userId = sessionUser(request);
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        return fileRights(services, doc, rights);
    });

    // PUT /api/v1/files/{fileId}/policy: the owner, channel admins and system admins choose who
    // may edit. The record changes by compare-and-set; every client in the channel hears of it
    // and asks for its own rights again.
    app.put<FileParams>('/api/v1/files/:fileId/policy', async (request) => {
        const userId = sessionUser(request);
        const parsed = parseEditPolicy(bodyObject(request).policy);
        if (!parsed.ok) {
            throw badRequest('INVALID_POLICY', parsed.error);
        }
        const policy = parsed.value;
        const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
        if (!rights.change.allowed) {
            throw forbidden(rights.change.code, rights.change.reason);
        }
        // Stored even when it equals the admin's default: the user chose it, so a later change
        // of the default must not change this document.
        const current = await services.documents.update(doc.docId, (cur) => (cur.policy === policy
            ? {next: undefined, result: cur}
            : {next: {...cur, policy}, result: {...cur, policy}}));
        if (rights.policy !== policy) {
            await services.state.api.publishWebSocketEvent('policy_changed', {file_id: request.params.fileId, doc_id: doc.docId, policy}, {channelId: doc.channelId});
        }
        return fileRights(services, current, await services.access.rights(userId, current));
    });
}
