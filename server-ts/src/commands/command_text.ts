// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {CommandResponse} from '../runtime/hooks';

// Answers of /collabora: Markdown, shown only to the user who typed the command.

export const reply = (text: string): CommandResponse => ({response_type: 'ephemeral', text});

// File names are the users' own text: escape what Markdown would read as formatting or links.
export const escapeMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]()<>#|~!]/g, (c) => `\\${c}`);

export const HELP = [
    '#### Collabora Online',
    '* `/collabora new document <name>`: create a blank document in this channel (`spreadsheet` and `presentation` work too). In a thread, it is posted in the thread.',
    '* `/collabora open`: list this channel\'s recent documents, with links that open them in any browser, on your phone too.',
    '* `/collabora unlock [name]`: list the channel\'s locked documents, or release the lock a crashed editor left on one (its owner, channel admins and system admins).',
    '* `/collabora check`: test the connection to Collabora Online (system admins).',
    '* `/collabora help`: show this help.',
    '',
    'In the web and desktop apps you can also open a document attached to a post to view it, and use "Edit in Collabora Online" in its file menu.',
].join('\n');

export const NEW_USAGE = 'Tell me what to create and its name, for example `/collabora new document Meeting notes` (or `spreadsheet`, `presentation`).';

// The name as typed, without one pair of surrounding quotes ("Q3 budget" or “Q3 budget”).
export function unquote(name: string): string {
    const m = /^(["'“‘])(.*)(["'”’])$/s.exec(name);
    return m ? m[2] : name;
}
