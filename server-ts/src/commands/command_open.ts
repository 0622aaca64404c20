// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FileInfo} from '@mattermost/types/files';

import {supportOf} from '../api/format_support';
import type {Discovery} from '../collabora/discovery_types';
import {DocumentNotFoundError} from '../documents/document_store';
import type {DocumentRecord} from '../documents/document_record';
import {issueLink} from '../links/link_urls';
import {MattermostError} from '../mattermost/plugin_api';
import type {CommandArgs, CommandResponse} from '../runtime/hooks';
import type {Services} from '../services';
import {extensionOf} from '../wopi/file_names';

import {escapeMarkdown, reply} from './command_text';

// /collabora open: the channel's recent office documents, each with one-time links that open
// it in any browser. The list comes from Mattermost's own file index (GetFileInfos by channel),
// so it holds every document posted there, also those never opened with Collabora, and never
// one whose post was deleted. Each link is bound to the user, the document and the mode.

const MAX_LISTED = 10;
// Files looked at to find them: saves add revision files to the channel too.
const FILES_SCANNED = 100;

interface Listed {
    doc: DocumentRecord;
    canEdit: boolean;
}

async function documentOf(services: Services, info: FileInfo): Promise<DocumentRecord | null> {
    try {
        return await services.live.confirm(await services.documents.resolve(info.id));
    } catch (err) {
        // An upload never posted, or a file whose post is gone: not a document of the channel.
        if (err instanceof DocumentNotFoundError || (err instanceof MattermostError && (err.statusCode === 404 || err.statusCode === 400))) {
            return null;
        }
        throw err;
    }
}

export async function recentDocuments(services: Services, userId: string, channelId: string, discovery: Discovery): Promise<Listed[]> {
    const infos = await services.state.api.getFileInfos(0, FILES_SCANNED, {channel_ids: [channelId], sort_by: 'CreateAt', sort_descending: true});
    const seen = new Set<string>();
    const listed: Listed[] = [];
    for (const info of infos) {
        if (listed.length >= MAX_LISTED) {
            break;
        }
        if (!supportOf(discovery, extensionOf(info.name)).view) {
            continue;
        }
        const doc = await documentOf(services, info);
        if (!doc || seen.has(doc.docId) || doc.channelId !== channelId) {
            continue;
        }
        seen.add(doc.docId);
        const rights = await services.access.rights(userId, doc);
        if (rights.decision.access === 'none') {
            continue;
        }
        const canEdit = rights.decision.access === 'edit' && supportOf(discovery, extensionOf(doc.name)).edit;
        listed.push({doc, canEdit});
    }
    return listed;
}

export async function openCommand(services: Services, args: CommandArgs): Promise<CommandResponse> {
    if (!(await services.state.api.hasPermissionToChannel(args.user_id, args.channel_id, 'read_channel'))) {
        return reply('You cannot see the files of this channel.');
    }
    const discovery = await services.discovery.get();
    if (!discovery) {
        return reply('Collabora Online is not available right now, so documents cannot be opened. Please try again later, or ask your system admin to run `/collabora check`.');
    }
    const listed = await recentDocuments(services, args.user_id, args.channel_id, discovery);
    if (listed.length === 0) {
        return reply('There are no office documents in this channel yet. Create one with `/collabora new document <name>`.');
    }
    const lines: string[] = [];
    for (const {doc, canEdit} of listed) {
        const links = [`[View](${await issueLink(services, args.user_id, doc.docId, 'view')})`];
        if (canEdit) {
            links.unshift(`[Edit](${await issueLink(services, args.user_id, doc.docId, 'edit')})`);
        }
        lines.push(`* **${escapeMarkdown(doc.name)}**: ${links.join(' · ')}`);
    }
    return reply([
        '#### Recent documents in this channel',
        ...lines,
        '',
        'Each link opens the document in your browser. It works once, within a minute: run `/collabora open` again for new links.',
    ].join('\n'));
}
