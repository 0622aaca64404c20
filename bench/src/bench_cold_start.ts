// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {disablePlugin, enablePlugin, PluginState, waitForPluginState} from '../../e2e/stack/plugin_admin';

import type {BenchContext} from './bench_context';
import {bytesOf, postDocument} from './documents';
import {log} from './log';
import {noTarget, row, type ResultRow} from './result_row';
import {median} from './stats';
import {WopiDocument} from './wopi_client';

const RUNS = 3;
const POLL_MS = 20;
const GIVE_UP_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Cold start: from POST /api/v4/plugins/{id}/enable (after a disable) to the first CheckFileInfo
// that answers 200, polled every 20 ms with a freshly signed request. The sidecar starts with
// empty caches: discovery is fetched again, the token key read from the KV store.
// Baseline: the time the enable call itself takes (Mattermost starting the shim and calling
// OnActivate); the rest is the sidecar becoming ready to serve WOPI.
export async function benchColdStart(ctx: BenchContext): Promise<ResultRow[]> {
    const fileId = await postDocument(ctx, 'bench-cold.docx', bytesOf(1024));
    const doc = await WopiDocument.open(ctx, fileId, 'view');
    const total: number[] = [];
    const enableCall: number[] = [];
    for (let i = 0; i < RUNS; i++) {
        await disablePlugin(ctx.admin, ctx.pluginId);
        await waitForPluginState(ctx.admin, ctx.pluginId, PluginState.NotRunning);
        await sleep(500);
        log(`cold start ${i + 1}/${RUNS}`);
        const started = performance.now();
        await enablePlugin(ctx.admin, ctx.pluginId);
        enableCall.push(performance.now() - started);
        for (;;) {
            const reply = await doc.send(doc.checkFileInfo()).catch(() => undefined);
            if (reply?.status === 200) {
                break;
            }
            if (performance.now() - started > GIVE_UP_MS) {
                throw new Error(`no CheckFileInfo answered 200 within ${GIVE_UP_MS} ms of enabling (last ${reply?.status})`);
            }
            await sleep(POLL_MS);
        }
        total.push(performance.now() - started);
    }
    return [row('Cold start', 'enable → first CheckFileInfo 200', median(total), median(enableCall), 'the enable call returning', 'ms', noTarget,
        `runs: ${total.map((t) => t.toFixed(0)).join(', ')} ms; enable call ${enableCall.map((t) => t.toFixed(0)).join(', ')} ms`)];
}
