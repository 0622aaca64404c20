// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {SiteUrlMissingError} from '../links/link_urls';
import type {CommandArgs, CommandResponse, Hooks} from '../runtime/hooks';
import type {Services} from '../services';

import {collaboraAutocomplete} from './command_autocomplete';
import {checkCommand} from './command_check';
import {newDocumentCommand} from './command_new';
import {openCommand} from './command_open';
import {unlockCommand} from './command_unlock';
import {HELP, reply} from './command_text';

export const COMMAND_TRIGGER = 'collabora';

// The command registered with Mattermost (model.Command JSON).
export function collaboraCommand(): Record<string, unknown> {
    return {
        trigger: COMMAND_TRIGGER,
        display_name: 'Collabora Online',
        description: 'View and edit office documents with Collabora Online.',
        auto_complete: true,
        auto_complete_desc: 'Available commands: new, open, unlock, help, check',
        auto_complete_hint: '[command]',
        autocomplete_data: collaboraAutocomplete(COMMAND_TRIGGER),
    };
}

// parseCommand splits "/collabora new document  Q3 budget" into the subcommand, its first
// word and the rest as typed (names keep their inner spaces).
export function parseCommand(command: string): {sub: string; word: string | undefined; rest: string} {
    const m = /^\/\S+\s*(\S*)\s*(\S*)\s*([\s\S]*)$/.exec(command.trim());
    return {sub: (m?.[1] || 'help').toLowerCase(), word: m?.[2] || undefined, rest: m?.[3] ?? ''};
}

async function dispatch(services: Services, args: CommandArgs): Promise<CommandResponse> {
    const {sub, word, rest} = parseCommand(args.command);
    switch (sub) {
    case 'help':
        return reply(HELP);
    case 'new':
        return newDocumentCommand(services, args, word, rest);
    case 'open':
        return openCommand(services, args);
    case 'check':
        return checkCommand(services, args);
    case 'unlock':
        return unlockCommand(services, args, [word, rest].filter(Boolean).join(' '));
    default:
        return reply(`I do not know \`${sub.replace(/`/g, '')}\`. Try \`/collabora help\`.`);
    }
}

// The slash command works in every client, the mobile apps included. Registration is per node
// and in memory on Mattermost's side, so it is done at every activation.
export function registerCollaboraCommand(services: Services, hooks: Hooks): void {
    hooks.onActivated(async () => {
        await services.state.api.registerCommand(collaboraCommand());
    });
    hooks.onCommand(async (args: CommandArgs): Promise<CommandResponse> => {
        try {
            return await dispatch(services, args);
        } catch (err) {
            if (err instanceof SiteUrlMissingError) {
                return reply(err.message);
            }
            // The user gets a sentence; the cause goes to the log.
            services.state.log.error('Slash command failed', {command: parseCommand(args.command).sub, error: err instanceof Error ? err.message : String(err)});
            return reply('Something went wrong. Please try again, or ask your system admin to check the server log.');
        }
    });
}
