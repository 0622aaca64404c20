// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// `make run`'s web front: the host page (a stand-in for Mattermost's web app, which is not part of
// the Go module) on the Site URL, in front of the running stack, and the Collabora stand-in as the
// editor unless COLLABORA_URL is set. Prints one line "host: <url>" when ready; runs until killed.

import {startCollaboraEditorStandIn} from '../collabora';
import {clientAs, readStack, requirePlugin} from '../stack/stack';

import {pointPluginAt} from './browser_env';
import {HOST_PATH, buildHostBundle, startHostProxy} from './host_proxy';

async function main(): Promise<void> {
    const stack = readStack();
    const siteUrl = process.env.MM_SITE_URL ?? '';
    if (!siteUrl || new URL(siteUrl).origin === new URL(stack.url).origin) {
        throw new Error('MM_SITE_URL must be the host page\'s own address, not Mattermost\'s (e2e/stack/run.sh sets it).');
    }
    const stops: Array<() => Promise<void>> = [];
    if (!process.env.COLLABORA_URL) {
        const standIn = await startCollaboraEditorStandIn();
        stops.push(() => standIn.close());
        await pointPluginAt(clientAs('admin'), requirePlugin().id, standIn.url, stack.url);
        console.log(`editor: Collabora stand-in at ${standIn.url}`);
    }
    const proxy = await startHostProxy({listenUrl: siteUrl, mattermostUrl: stack.url, hostBundle: await buildHostBundle()});
    stops.push(() => proxy.close());
    console.log(`host: ${proxy.url}${HOST_PATH}`);

    const stop = () => {
        Promise.all(stops.reverse().map((s) => s().catch(() => undefined))).finally(() => process.exit(0));
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
}

main().catch((err: unknown) => {
    console.error(`serve_host: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
});
