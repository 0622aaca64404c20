// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiError} from '../api/api_error';
import {createBlankDocument, KINDS, type DocumentKind} from '../api/blank_document';
import {issueLink} from '../links/link_urls';
import type {CommandArgs, CommandResponse} from '../runtime/hooks';
import type {Services} from '../services';

import {escapeMarkdown, NEW_USAGE, reply, unquote} from './command_text';

// /collabora new <kind> <name>: the webapp's New document for every client. The same shared
// function runs the same checks (may post and upload here, channel not archived, valid name)
// and posts the file as the user, in the thread when the command was typed in one.
export async function newDocumentCommand(services: Services, args: CommandArgs, kindWord: string | undefined, rawName: string): Promise<CommandResponse> {
    const kind = (kindWord ?? '').toLowerCase();
    if (!(KINDS as readonly string[]).includes(kind)) {
        return reply(NEW_USAGE);
    }
    const name = unquote(rawName.trim());
    if (name === '') {
        return reply(`Give the new ${kind} a name, for example \`/collabora new ${kind} Meeting notes\`.`);
    }
    let created;
    try {
        created = await createBlankDocument(services, args.user_id, {
            channelId: args.channel_id,
            rootId: args.root_id || undefined,
            name,
            kind: kind as DocumentKind,
        });
    } catch (err) {
        if (err instanceof ApiError) {
            return reply(`The ${kind} was not created: ${err.message}`);
        }
        throw err;
    }
    const text = `Created **${escapeMarkdown(created.fileName)}**${args.root_id ? ' in this thread' : ' in this channel'}.`;
    try {
        // A link is a convenience; the document exists either way.
        const url = await issueLink(services, args.user_id, created.fileId, 'edit');
        return reply(`${text} [Open it](${url}) (the link works once, within a minute).`);
    } catch (err) {
        services.state.log.warn('No link for the new document', {error: err instanceof Error ? err.message : String(err)});
        return reply(text);
    }
}
