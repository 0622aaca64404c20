// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {CommandArgs, CommandResponse, Hooks} from '../runtime/hooks';
import type {PluginState} from '../runtime/plugin_state';

export const COMMAND_TRIGGER = 'collabora';

const HELP = [
    '#### Collabora Online',
    '* `/collabora help`: show this help.',
    '',
    'Open an office document attached to a post to view it in Collabora Online; use "Edit in Collabora Online" in the file menu to edit it.',
].join('\n');

// The slash command works in every client, the mobile apps included. Registration is per node
// and in memory on Mattermost's side, so it is done at every activation.
export function registerCollaboraCommand(state: PluginState, hooks: Hooks): void {
    hooks.onActivated(async () => {
        await state.api.registerCommand({
            trigger: COMMAND_TRIGGER,
            display_name: 'Collabora Online',
            description: 'View and edit office documents with Collabora Online.',
            auto_complete: true,
            auto_complete_desc: 'Available commands: help',
            auto_complete_hint: '[command]',
        });
    });
    hooks.onCommand(async (args: CommandArgs): Promise<CommandResponse> => {
        const sub = args.command.trim().split(/\s+/)[1] ?? 'help';
        if (sub === 'help') {
            return {response_type: 'ephemeral', text: HELP};
        }
        return {response_type: 'ephemeral', text: `Unknown command \`${sub}\`. Try \`/collabora help\`.`};
    });
}
