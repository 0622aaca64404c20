// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {startCollaboraStandIn, type CollaboraStandIn} from '../../e2e/collabora';
import {MattermostClient, waitFor} from '../../e2e/stack/mm_client';
import {getHealth, waitForHealth} from '../../e2e/stack/plugin_health';
import {setPluginSettings} from '../../e2e/stack/plugin_settings';
import {readStack, requirePlugin, type StackInfo} from '../../e2e/stack/stack';

// Everything a benchmark needs: the running stack (with_stack.sh started it), the Collabora
// stand-in that signs every WOPI request, and the user who owns the benchmark documents.
export interface BenchContext {
    stack: StackInfo;
    base: URL;
    pluginId: string;
    standIn: CollaboraStandIn;
    admin: MattermostClient;
    // The member persona: posts the documents, calls Mattermost's own API for the baselines,
    // and is the user the WOPI tokens are issued to.
    token: string;
    channelId: string;
}

export async function openBenchContext(): Promise<BenchContext> {
    const stack = readStack();
    const pluginId = requirePlugin().id;
    const standIn = await startCollaboraStandIn();
    const admin = new MattermostClient(stack.url, stack.users.admin.token);
    const before = (await getHealth(admin, pluginId)).body?.settings_hash;
    await setPluginSettings(admin, pluginId, {CollaboraUrl: standIn.url, EnforceProofKeys: true});
    // The sidecar runs with the stand-in once its settings digest changes, and has fetched
    // discovery once opening a document works (it refuses to fetch more often than every 30 s).
    await waitForHealth(admin, pluginId, 30_000, (h) => h.settings_hash !== before);
    const member = new MattermostClient(stack.url, stack.users.member.token);
    const sample = stack.files['public/sample.docx'].id;
    await waitFor('the sidecar to fetch discovery from the stand-in', async () => {
        const res = await member.fetch('POST', `/plugins/${pluginId}/api/v1/files/${sample}/open`, {body: {mode: 'view'}});
        await res.arrayBuffer();
        return res.status === 200 ? true : undefined;
    }, 60_000, 1000);
    return {
        stack, base: new URL(stack.url), pluginId, standIn, admin,
        token: stack.users.member.token,
        channelId: stack.channels.public.id,
    };
}
