// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';

import {disablePlugin, enablePlugin, PluginState, waitForPluginState} from '../../e2e/stack/plugin_admin';
import {waitFor} from '../../e2e/stack/mm_client';
import {waitForHealth} from '../../e2e/stack/plugin_health';
import {findShims, findSidecars} from '../../e2e/stack/processes';
import {pluginDir, stackJsonPath} from '../../e2e/stack/stack';

import type {BenchContext} from './bench_context';
import {bytesOf, downloadFromMattermost, postDocument, uploadToMattermost} from './documents';
import {expectStatus, type Reply} from './http_client';
import {log} from './log';
import {memoryOf, resetPeak} from './proc_memory';
import {atMost, noTarget, row, type ResultRow} from './result_row';
import {MiB} from './stats';
import {WopiDocument} from './wopi_client';

const SIZE = 200 * MiB;

function onePid(found: Array<{pid: number}>, what: string): number {
    if (found.length !== 1) {
        throw new Error(`expected one ${what} process, found ${found.length}`);
    }
    return found[0].pid;
}

// Peak RSS of the shim and the sidecar over one transfer, each measured on freshly started
// processes (disable, enable): Go and V8 keep freed memory for minutes, so a process that already
// moved a large file would hide the next transfer's peak. Mattermost's peak is reset instead.
async function peaks(ctx: BenchContext, transfer: () => Promise<Reply>): Promise<Record<'shim' | 'sidecar' | 'mattermost', {before: number; peak: number}>> {
    await restartPlugin(ctx);
    const dir = pluginDir();
    // The processes of the previous start may take a moment to exit.
    await waitFor('one shim and one sidecar process', async () => (findShims(dir).length === 1 && findSidecars(dir).length === 1 ? true : undefined), 10_000, 100);
    const pids = {
        shim: onePid(findShims(dir), 'shim'),
        sidecar: onePid(findSidecars(dir), 'sidecar'),
        mattermost: Number(readFileSync(join(dirname(stackJsonPath()), 'mattermost.pid'), 'utf8').trim()),
    };
    if (!resetPeak(pids.mattermost)) {
        throw new Error(`cannot reset the peak RSS of Mattermost (${pids.mattermost}): run as the stack's user`);
    }
    const before = {shim: memoryOf(pids.shim).rss, sidecar: memoryOf(pids.sidecar).rss, mattermost: memoryOf(pids.mattermost).rss};
    await transfer();
    const peak = (k: keyof typeof pids) => ({before: before[k], peak: memoryOf(pids[k]).hwm});
    return {shim: peak('shim'), sidecar: peak('sidecar'), mattermost: peak('mattermost')};
}

async function restartPlugin(ctx: BenchContext): Promise<void> {
    await disablePlugin(ctx.admin, ctx.pluginId);
    await waitForPluginState(ctx.admin, ctx.pluginId, PluginState.NotRunning);
    await enablePlugin(ctx.admin, ctx.pluginId);
    await waitForPluginState(ctx.admin, ctx.pluginId, PluginState.Running);
    await waitForHealth(ctx.admin, ctx.pluginId, 30_000);
}

const mib = (n: number): string => `${(n / MiB).toFixed(0)} MiB`;

// Peak RSS of the shim and the sidecar while a 200 MiB document goes each way (GetFile,
// PutFile). Mattermost's own peak during the same transfer through its own API is shown beside
// it, for scale.
export async function benchMemory(ctx: BenchContext): Promise<ResultRow[]> {
    log('memory: posting a 200 MiB document');
    const body = bytesOf(SIZE);
    const fileId = await postDocument(ctx, 'bench-memory.docx', body);
    const doc = await WopiDocument.open(ctx, fileId, 'edit');
    expectStatus(await doc.send(doc.checkFileInfo(), undefined, true), 200, 'CheckFileInfo');

    // Mattermost's own API first, for its peak only (the plugin's processes idle meanwhile).
    log('memory: 200 MiB through GET /api/v4/files and POST /api/v4/files');
    const baseGet = await peaks(ctx, async () => expectStatus(await downloadFromMattermost(ctx, fileId), 200, 'download'));
    const basePut = await peaks(ctx, async () => expectStatus(await uploadToMattermost(ctx, 'bench-memory-up.docx', body), 201, 'upload'));
    log('memory: 200 MiB PutFile, then GetFile, each on fresh plugin processes');
    const put = await peaks(ctx, async () => {
        expectStatus(await doc.send(doc.lock()), 200, 'Lock');
        const reply = expectStatus(await doc.send(doc.putFile(), body, true), 200, 'PutFile');
        expectStatus(await doc.send(doc.unlock()), 200, 'Unlock');
        return reply;
    });
    const get = await peaks(ctx, async () => expectStatus(await doc.send(doc.getFile()), 200, 'GetFile'));

    const rows: ResultRow[] = [];
    for (const [what, m, base] of [['GetFile', get, baseGet], ['PutFile', put, basePut]] as const) {
        const growth = (k: 'shim' | 'sidecar' | 'mattermost'): string => `+${mib(m[k].peak - m[k].before)} over ${mib(m[k].before)} at start`;
        rows.push(row('Memory', `sidecar peak RSS, ${what} 200 MiB`, m.sidecar.peak / MiB, 150, '150 MiB budget', 'MiB', atMost(1), growth('sidecar')));
        rows.push(row('Memory', `shim peak RSS, ${what} 200 MiB`, m.shim.peak / MiB, (SIZE + 50 * MiB) / MiB, 'document + 50 MiB budget', 'MiB', atMost(1), growth('shim')));
        rows.push(row('Memory', `Mattermost peak RSS, ${what} 200 MiB`, m.mattermost.peak / MiB, base.mattermost.peak / MiB, `Mattermost during its own ${what === 'GetFile' ? 'download' : 'upload'}`, 'MiB', noTarget,
            `${growth('mattermost')}; its own API: +${mib(base.mattermost.peak - base.mattermost.before)}`));
    }
    return rows;
}
