// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {releaseLock} from '../api/file_lock';
import {displayNameOf} from '../api/user_names';
import type {LockState} from '../locks/lock_store';
import type {CommandArgs, CommandResponse} from '../runtime/hooks';
import type {Services} from '../services';

import {recentDocuments} from './command_open';
import {escapeMarkdown, reply, unquote} from './command_text';

// /collabora unlock [name]: the same release as the editor's "Release lock" button, for every
// client. Without a name it lists the channel's locked documents; with one it releases that
// document's lock, for its owner, channel admins and system admins.

async function holderOf(services: Services, lock: LockState): Promise<string> {
    if (!lock.userId) {
        return 'someone';
    }
    try {
        return displayNameOf(await services.state.api.getUser(lock.userId));
    } catch {
        return 'someone';
    }
}

function ago(since: number, now: number): string {
    const minutes = Math.max(0, Math.round((now - since) / 60_000));
    return minutes < 1 ? 'less than a minute' : minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export async function unlockCommand(services: Services, args: CommandArgs, typedName: string): Promise<CommandResponse> {
    if (!(await services.state.api.hasPermissionToChannel(args.user_id, args.channel_id, 'read_channel'))) {
        return reply('You cannot see the files of this channel.');
    }
    const discovery = await services.discovery.get();
    if (!discovery) {
        return reply('Collabora Online is not available right now. Please try again later.');
    }
    const listed = await recentDocuments(services, args.user_id, args.channel_id, discovery);
    const locked: Array<{name: string; docId: string; lock: LockState}> = [];
    for (const {doc} of listed) {
        const lock = await services.locks.state(doc.docId);
        if (lock) {
            locked.push({name: doc.name, docId: doc.docId, lock});
        }
    }
    const now = services.now();
    const name = unquote(typedName.trim());
    if (!name) {
        if (locked.length === 0) {
            return reply('No document of this channel is locked by an editing session.');
        }
        const lines = await Promise.all(locked.map(async ({name: n, lock}) => `* **${escapeMarkdown(n)}**: opened for editing by ${escapeMarkdown(await holderOf(services, lock))} ${ago(lock.lockedAt, now)} ago${lock.contested ? ' (another editing session was refused since: it may have crashed)' : ''}`));
        return reply(['#### Locked documents in this channel', ...lines, '', 'Release a lock left by a crashed editor with `/collabora unlock <name>` (the document\'s owner, channel admins and system admins).'].join('\n'));
    }
    const target = listed.find(({doc}) => doc.name.toLowerCase() === name.toLowerCase());
    if (!target) {
        return reply(`This channel has no document named **${escapeMarkdown(name)}**. \`/collabora unlock\` lists the locked ones.`);
    }
    const rights = await services.access.rights(args.user_id, target.doc);
    if (!rights.change.allowed) {
        return reply('Only the document\'s owner, channel admins and system admins can release its lock.');
    }
    const released = await releaseLock(services, target.doc, args.user_id);
    if (!released) {
        return reply(`**${escapeMarkdown(target.doc.name)}** is not locked: anyone who may edit it can open it for editing.`);
    }
    return reply(`Released the lock on **${escapeMarkdown(target.doc.name)}** that ${escapeMarkdown(await holderOf(services, released))}'s editing session took ${ago(released.lockedAt, now)} ago. That session can no longer save; the next person to open the document for editing takes it.`);
}
