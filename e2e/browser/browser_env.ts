// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Everything a browser test file needs, started in beforeAll and stopped in afterAll: the Collabora
// stand-in (discovery, proof key, editor page), the plugin pointed at it, the same-origin proxy
// with the host page, and headless Chromium.
//
// Addresses: the browser only ever talks to the proxy (the Site URL, so the PostMessageOrigin the
// plugin gives Collabora is the host page's origin) and to the stand-in (the iframe). The stand-in's
// server side calls Mattermost directly at its own address, through the plugin's WOPI base URL,
// as a Collabora server inside the network would.

import {mkdir} from 'node:fs/promises';
import {join} from 'node:path';

import {chromium} from 'playwright-core';
import type {Browser} from 'playwright-core';

import {startCollaboraEditorStandIn} from '../collabora';
import type {EditorStandIn} from '../collabora';
import {MattermostClient, waitFor} from '../stack/mm_client';
import {setPluginSettings} from '../stack/plugin_settings';
import {clientAs, readStack, requirePlugin} from '../stack/stack';
import type {StackInfo} from '../stack/stack';

import {buildHostBundle, startHostProxy} from './host_proxy';
import type {HostProxy} from './host_proxy';

export const ARTIFACTS_DIR = join(__dirname, '..', 'artifacts');

export type BrowserEnv = {
    stack: StackInfo;
    pluginId: string;
    siteUrl: string;
    standIn: EditorStandIn;
    proxy: HostProxy;
    browser: Browser;
    admin: MattermostClient;
    close: () => Promise<void>;
};

type ClientConfigAnswer = {configured?: boolean; formats?: Record<string, {edit: boolean}>};

// Sets CollaboraUrl (and the WOPI base URL) and waits until the plugin has read the stand-in's
// discovery: client_config then says configured, with .odt editable.
export async function pointPluginAt(admin: MattermostClient, pluginId: string, collaboraUrl: string, wopiBaseUrl: string): Promise<void> {
    await setPluginSettings(admin, pluginId, {CollaboraUrl: collaboraUrl, WopiBaseUrl: wopiBaseUrl});
    await waitFor('the plugin to load the stand-in\'s discovery', async () => {
        const config = await admin.request<ClientConfigAnswer>('GET', `/plugins/${pluginId}/api/v1/client_config`);
        return config.configured === true && config.formats?.odt?.edit === true ? true : undefined;
    }, 30_000, 250);
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
    const stack = readStack();
    const pluginId = requirePlugin().id;
    const siteUrl = process.env.MM_SITE_URL ?? '';
    if (!siteUrl || new URL(siteUrl).origin === new URL(stack.url).origin) {
        throw new Error('The browser tests need Mattermost\'s Site URL to be their proxy: run them through e2e/browser/run.sh (make e2e).');
    }
    await mkdir(ARTIFACTS_DIR, {recursive: true});
    const admin = clientAs('admin');
    const standIn = await startCollaboraEditorStandIn();
    const started: Array<() => Promise<void>> = [() => standIn.close()];
    try {
        await pointPluginAt(admin, pluginId, standIn.url, stack.url);
        const proxy = await startHostProxy({listenUrl: siteUrl, mattermostUrl: stack.url, hostBundle: await buildHostBundle()});
        started.push(() => proxy.close());
        const browser = await chromium.launch({
            executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
            headless: true,

            // Playwright adds --headless and a fresh temporary user data dir per launch.
            args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        });
        started.push(() => browser.close());
        return {
            stack, pluginId, siteUrl, standIn, proxy, browser, admin,
            close: async () => {
                for (const stop of started.reverse()) {
                    await stop().catch(() => undefined);
                }
            },
        };
    } catch (err) {
        for (const stop of started.reverse()) {
            await stop().catch(() => undefined);
        }
        throw err;
    }
}
