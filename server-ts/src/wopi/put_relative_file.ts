// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyRequest} from 'fastify';

import {REVISION_UPLOADER, type DocumentRecord} from '../documents/document_record';
import type {Services} from '../services';
import {parsePutRelativeTarget, type PutRelativeTarget} from '../wopi_headers';

import {extensionOf, isValidBaseName, stem} from './file_names';
import {sizedBody} from './request_body';
import {WopiError} from './wopi_error';
import {requireWrite, type WopiRequestContext} from './wopi_gate';
import {issueAccess, wopiSrc} from './wopi_src';

// Suggested mode must always find a legal name (never 400/409): anything unusable in the
// suggestion is replaced.
function suggestedName(doc: DocumentRecord, target: Extract<PutRelativeTarget, {mode: 'suggested'}>['target']): string {
    const candidate = target.kind === 'extension' ? `${stem(doc.name)}.${target.extension.replace(/^\./, '')}` : target.name;
    const cleaned = candidate.replace(/[/\\<>:"|?*\u0000-\u001f\u007f]/g, '_').trim().slice(-200);
    return isValidBaseName(cleaned) && extensionOf(cleaned) ? cleaned : `${stem(doc.name)}_copy.${extensionOf(candidate) || extensionOf(doc.name)}`;
}

// PutRelativeFile (Save As, export): the body becomes a new document, posted by the user in the
// same channel, in the original document's thread. Names never collide in Mattermost (each
// document is its own attachment), so RelativeTarget mode takes the name exactly and has
// nothing to overwrite.
export async function putRelativeFile(services: Services, ctx: WopiRequestContext, request: FastifyRequest): Promise<{Name: string; Url: string}> {
    requireWrite(ctx);
    const target = parsePutRelativeTarget(request.headers['x-wopi-suggestedtarget'], request.headers['x-wopi-relativetarget'], request.headers['x-wopi-overwriterelativetarget']);
    if (!target.ok) {
        throw new WopiError(target.error.code === 'WOPI_HEADER_MISSING' ? 400 : 400, target.error.code, target.error.message);
    }
    let name: string;
    if (target.value.mode === 'suggested') {
        name = suggestedName(ctx.doc, target.value.target);
    } else {
        name = target.value.name;
        if (!isValidBaseName(name) || !extensionOf(name)) {
            throw new WopiError(400, 'WOPI_INVALID_NAME', 'The name is not a valid file name.', {'X-WOPI-InvalidFileNameError': 'The name is not a valid file name.'});
        }
    }
    const {api} = services.state;
    const body = await sizedBody(request, services.state.serverConfig.maxFileSize);
    try {
        const info = body.size === 0
            ? await api.uploadFile(ctx.doc.channelId, name, body.stream)
            : await api.uploadData({userId: REVISION_UPLOADER, channelId: ctx.doc.channelId, filename: name, fileSize: body.size}, body.stream);
        const original = await api.getPost(ctx.doc.postId);
        await api.createPost({user_id: ctx.claims.userId, channel_id: ctx.doc.channelId, root_id: original.root_id || original.id, message: '', file_ids: [info.id]});
        const created = await services.documents.resolve(info.id);
        const access = await issueAccess(services, ctx.claims.userId, created.docId, 'edit');
        const url = `${wopiSrc(services.state.wopiBaseUrl, created.docId)}?access_token=${encodeURIComponent(access.token)}&access_token_ttl=${access.ttl}`;
        return {Name: created.name, Url: url};
    } finally {
        await body.release();
    }
}
