// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createReadStream} from 'node:fs';
import {stat} from 'node:fs/promises';
import path from 'node:path';

import {MattermostError} from '../mattermost/plugin_api';
import type {Services} from '../services';
import {extensionOf, isValidBaseName} from '../wopi/file_names';

import {ApiError, badRequest, forbidden, unavailable} from './api_error';

// Shared by the webapp's New document route and the /collabora new command: the same checks,
// the same refusals (ApiErrors), the same post.

export type DocumentKind = 'document' | 'spreadsheet' | 'presentation';
export const KINDS: readonly DocumentKind[] = ['document', 'spreadsheet', 'presentation'];

const EXTENSIONS: Record<'ooxml' | 'odf', Record<DocumentKind, string>> = {
    ooxml: {document: 'docx', spreadsheet: 'xlsx', presentation: 'pptx'},
    odf: {document: 'odt', spreadsheet: 'ods', presentation: 'odp'},
};

export interface NewDocumentRequest {
    channelId: string;
    rootId?: string;
    name: string;
    kind: DocumentKind;
}

export interface NewDocumentResult {
    postId: string;
    fileId: string;
    fileName: string;
}

const channelNotFound = (): ApiError => new ApiError(404, 'CHANNEL_NOT_FOUND', 'This channel does not exist or you do not have access to it.');

// fileNameFor adds the kind's extension unless the user typed it already ("Budget.xlsx").
export function fileNameFor(name: string, ext: string): string {
    return extensionOf(name) === ext ? name : `${name}.${ext}`;
}

async function orNotFound<T>(p: Promise<T>): Promise<T | null> {
    try {
        return await p;
    } catch (err) {
        if (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400)) {
            return null;
        }
        throw err;
    }
}

// createBlankDocument posts a blank document as the user in the channel (or thread), exactly as
// if they had uploaded it. The user needs Mattermost's own rights to post and upload there; the
// plugin never posts where the user could not.
export async function createBlankDocument(services: Services, userId: string, req: NewDocumentRequest): Promise<NewDocumentResult> {
    const {channelId, rootId, name} = req;
    const ext = EXTENSIONS[services.state.settings.newDocumentFormat][req.kind];
    const fileName = fileNameFor(name, ext);
    if (!isValidBaseName(name) || !isValidBaseName(fileName)) {
        throw badRequest('INVALID_NAME', 'The name must be 1 to 200 characters, without leading or trailing spaces, and without / \\ < > : " | ? * or control characters.');
    }

    const {api} = services.state;
    // Without read access the channel's existence stays hidden, as for files.
    if (!(await api.hasPermissionToChannel(userId, channelId, 'read_channel'))) {
        throw channelNotFound();
    }
    const channel = await orNotFound(api.getChannel(channelId));
    if (!channel) {
        throw channelNotFound();
    }
    if (channel.delete_at > 0) {
        throw forbidden('CHANNEL_ARCHIVED', 'This channel is archived, so nothing can be posted in it.');
    }
    const [canPost, canUpload] = await Promise.all([
        api.hasPermissionToChannel(userId, channelId, 'create_post'),
        api.hasPermissionToChannel(userId, channelId, 'upload_file'),
    ]);
    if (!canPost || !canUpload) {
        throw forbidden('CANNOT_POST', 'You cannot post files in this channel.');
    }
    let threadRoot = '';
    if (rootId !== undefined) {
        const root = await orNotFound(api.getPost(rootId));
        if (!root || root.channel_id !== channelId || root.delete_at > 0) {
            throw badRequest('INVALID_ROOT', 'The thread to reply in is not a message of this channel.');
        }
        // Mattermost threads are one level deep: a reply to a reply joins the same thread.
        threadRoot = root.root_id || root.id;
    }

    const template = path.join(await api.getBundlePath(), 'assets', 'templates', `blank.${ext}`);
    try {
        await stat(template);
    } catch {
        services.state.log.error('Blank document template missing from the plugin bundle', {path: template});
        throw unavailable('TEMPLATE_MISSING', `The plugin has no blank .${ext} template. Ask your system admin to reinstall the plugin.`);
    }
    const info = await api.uploadFile(channelId, fileName, createReadStream(template));
    const post = await api.createPost({user_id: userId, channel_id: channelId, root_id: threadRoot, message: '', file_ids: [info.id]});
    return {postId: post.id, fileId: info.id, fileName: info.name};
}
