// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';
import type {LightMyRequestResponse} from 'fastify';

import {ApiHarness, SITE_URL, type StartOptions} from '../../api/testing/api_harness';
import {registerCollaboraCommand} from '../../commands/collabora_command';
import {Hooks, type CommandResponse} from '../../runtime/hooks';
import {PLUGIN_ID} from '../../wopi/wopi_src';

// The API harness (whole app over an in-memory Mattermost, Collabora stand-in) plus the slash
// command wired through the hooks as main.ts wires it, and a browser without any session.

export const LINK_PREFIX = `${SITE_URL}/plugins/${PLUGIN_ID}/link/`;

export interface MarkdownLink {
    label: string;
    url: string;
}

export class LinksHarness {
    registered: Array<Record<string, unknown>> = [];

    private constructor(readonly h: ApiHarness, readonly hooks: Hooks) {}

    static async start(options: StartOptions = {}): Promise<LinksHarness> {
        const h = await ApiHarness.start(options);
        const hooks = new Hooks(h.state);
        const lh = new LinksHarness(h, hooks);
        Object.assign(h.api, {registerCommand: async (command: Record<string, unknown>) => {
            lh.registered.push(command);
        }});
        registerCollaboraCommand(h.services, hooks);
        await hooks.activate('11.4.0');
        return lh;
    }

    stop(): Promise<void> {
        return this.h.stop();
    }

    command(user: UserProfile, channel: Channel, text: string, rootId = ''): Promise<CommandResponse> {
        return this.hooks.executeCommand({command: text, user_id: user.id, channel_id: channel.id, team_id: 'team', root_id: rootId});
    }

    // browser fetches a link the way a phone's browser does: no cookie, no session header.
    browser(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
        if (!url.startsWith(`${SITE_URL}/plugins/${PLUGIN_ID}/`)) {
            throw new Error(`not a link of this plugin: ${url}`);
        }
        const path = url.slice(`${SITE_URL}/plugins/${PLUGIN_ID}`.length);
        return this.h.app.inject({method, url: path, headers: method === 'POST' ? {'content-type': 'application/x-www-form-urlencoded', ...headers} : headers, payload: method === 'POST' ? '' : undefined});
    }
}

export function linksIn(markdown: string): MarkdownLink[] {
    return [...markdown.matchAll(/\[([^\]]+)\]\((\S+?)\)/g)].map((m) => ({label: m[1], url: m[2]}));
}

// The hidden form fields of an editor page, by name.
export function formFields(html: string): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
        fields[m[1]] = m[2].replace(/&#(\d+);/g, (_all, n: string) => String.fromCharCode(Number(n)));
    }
    return fields;
}

export function formAction(html: string): string | null {
    const m = /<form id="co-form" method="post" action="([^"]+)"/.exec(html);
    return m ? m[1].replace(/&#(\d+);/g, (_all, n: string) => String.fromCharCode(Number(n))) : null;
}
