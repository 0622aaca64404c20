// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {BenchContext} from './bench_context';
import {bytesOf, downloadFromMattermost, postDocument, uploadToMattermost} from './documents';
import {expectStatus, send} from './http_client';
import {log} from './log';
import {atLeast, noTarget, row, type ResultRow} from './result_row';
import {median, MiB, throughput} from './stats';
import {WopiDocument} from './wopi_client';

// Rounds per size: each round measures the baseline and the plugin once, in alternating order,
// so a change of machine load hits both sides alike. Small files get more rounds.
const SIZES: Array<{size: number; rounds: number}> = [
    {size: 1 * MiB, rounds: 30},
    {size: 10 * MiB, rounds: 10},
    {size: 100 * MiB, rounds: 4},
];

const label = (size: number): string => `${size / MiB} MiB`;

async function alternate(rounds: number, baseline: () => Promise<number>, plugin: () => Promise<number>): Promise<{baseline: number[]; plugin: number[]}> {
    const out = {baseline: [] as number[], plugin: [] as number[]};
    await baseline();
    await plugin();
    for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) {
            out.baseline.push(await baseline());
            out.plugin.push(await plugin());
        } else {
            out.plugin.push(await plugin());
            out.baseline.push(await baseline());
        }
    }
    return out;
}

// The baselines: Mattermost's own download and upload of the same bytes, in MiB/s.
async function mattermostDownload(ctx: BenchContext, fileId: string): Promise<number> {
    const reply = expectStatus(await downloadFromMattermost(ctx, fileId), 200, 'GET /api/v4/files');
    return throughput(reply.bytes, reply.ms);
}

async function mattermostUpload(ctx: BenchContext, name: string, body: Buffer): Promise<number> {
    const reply = expectStatus(await uploadToMattermost(ctx, name, body), 201, 'POST /api/v4/files');
    return throughput(body.length, reply.ms);
}

// GetFile (WOPI, through the shim and the sidecar) against GET /api/v4/files/{id}, and PutFile
// against POST /api/v4/files, on the same bytes. Figures are MiB/s medians.
export async function benchTransfer(ctx: BenchContext): Promise<ResultRow[]> {
    const rows: ResultRow[] = [];
    for (const {size, rounds} of SIZES) {
        const body = bytesOf(size);
        const fileId = await postDocument(ctx, `bench-transfer-${size}.docx`, body);
        const doc = await WopiDocument.open(ctx, fileId, 'edit');
        expectStatus(await doc.send(doc.checkFileInfo(), undefined, true), 200, 'CheckFileInfo');

        log(`GetFile ${label(size)}: ${rounds} rounds`);
        const get = await alternate(rounds, () => mattermostDownload(ctx, fileId), async () => {
            const reply = expectStatus(await doc.send(doc.getFile()), 200, 'GetFile');
            if (reply.bytes !== size) {
                throw new Error(`GetFile returned ${reply.bytes} bytes, wanted ${size}`);
            }
            return throughput(reply.bytes, reply.ms);
        });
        rows.push(row('GetFile', `GetFile ${label(size)}`, median(get.plugin), median(get.baseline), 'GET /api/v4/files/{id}', 'MiB/s', atLeast(0.8)));

        expectStatus(await doc.send(doc.lock()), 200, 'Lock');
        log(`PutFile ${label(size)}: ${rounds} rounds`);
        const put = await alternate(rounds, () => mattermostUpload(ctx, `bench-upload-${size}.docx`, body), async () => {
            const reply = expectStatus(await doc.send(doc.putFile(), body, true), 200, 'PutFile');
            return throughput(size, reply.ms);
        });
        expectStatus(await doc.send(doc.unlock()), 200, 'Unlock');
        rows.push(row('PutFile', `PutFile ${label(size)}`, median(put.plugin), median(put.baseline), 'POST /api/v4/files', 'MiB/s', atLeast(0.7)));
        if (size === CEILING_SIZE) {
            rows.push(...await pluginHttpCeiling(ctx, fileId, body, rounds));
        }
    }
    return rows;
}

const CEILING_SIZE = 100 * MiB;

// The most any plugin route moves through Mattermost's plugin HTTP path: the sidecar's test
// routes (on only in the bench stack, COLLABORA_SIDECAR_TEST_ROUTES=1) make up a response body
// and discard a request body, without the Plugin API. GetFile and PutFile cannot be faster
// than this, whatever the bridge does.
async function pluginHttpCeiling(ctx: BenchContext, fileId: string, body: Buffer, rounds: number): Promise<ResultRow[]> {
    const base = `/plugins/${ctx.pluginId}/api/v1/test`;
    // The same session as the baseline, so both pay Mattermost's session lookup.
    const auth = {Authorization: `Bearer ${ctx.token}`};
    log(`plugin HTTP ceiling ${label(CEILING_SIZE)}: ${rounds} rounds`);
    const out = await alternate(rounds, () => mattermostDownload(ctx, fileId), async () => {
        const reply = expectStatus(await send(ctx.base, {method: 'GET', path: `${base}/source?bytes=${CEILING_SIZE}`, headers: auth}), 200, 'test source');
        return throughput(reply.bytes, reply.ms);
    });
    const into = await alternate(rounds, () => mattermostUpload(ctx, 'bench-ceiling.docx', body), async () => {
        const reply = expectStatus(await send(ctx.base, {method: 'POST', path: `${base}/sink`, body, headers: {...auth, 'Content-Type': 'application/octet-stream'}}), 200, 'test sink');
        return throughput(CEILING_SIZE, reply.ms);
    });
    return [
        row('GetFile', `plugin HTTP ceiling, ${label(CEILING_SIZE)} response (no Plugin API)`, median(out.plugin), median(out.baseline), 'GET /api/v4/files/{id}', 'MiB/s', noTarget),
        row('PutFile', `plugin HTTP ceiling, ${label(CEILING_SIZE)} request (no Plugin API)`, median(into.plugin), median(into.baseline), 'POST /api/v4/files', 'MiB/s', noTarget),
    ];
}
