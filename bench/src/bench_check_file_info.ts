// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {BenchContext} from './bench_context';
import {bytesOf, fileInfoFromMattermost, postDocument} from './documents';
import {send} from './http_client';
import {concurrentRate, sequentialLatencies, type Side} from './latency';
import {log} from './log';
import {atMost, noTarget, row, type ResultRow} from './result_row';
import {median, percentile} from './stats';
import {WopiDocument, type SignedRequest} from './wopi_client';

const SEQUENTIAL = 600;
const CONCURRENT = 2000;
const CLIENTS = 32;

export interface CheckFileInfoFigures {
    rows: ResultRow[];
    // Mattermost's own /files/{id}/info at 32 clients: the lock benchmark's baseline too.
    baselineRate: number;
}

// CheckFileInfo against GET /api/v4/files/{id}/info (the same file's metadata from Mattermost).
export async function benchCheckFileInfo(ctx: BenchContext): Promise<CheckFileInfoFigures> {
    const fileId = await postDocument(ctx, 'bench-cfi.docx', bytesOf(64 * 1024));
    const doc = await WopiDocument.open(ctx, fileId, 'edit');
    const baseline: Side<null> = {prepare: (n) => new Array<null>(n).fill(null), send: () => fileInfoFromMattermost(ctx, fileId)};
    const plugin: Side<SignedRequest> = {prepare: (n) => Array.from({length: n}, () => doc.checkFileInfo()), send: (p) => doc.send(p)};

    log(`CheckFileInfo: ${SEQUENTIAL} sequential calls per side`);
    const seq = await sequentialLatencies(SEQUENTIAL, baseline, plugin);
    // The profile: the rights facts alone (one gatherAccessFacts, through a test route with a
    // session) against the plugin's health route with the same session: what the bridge round
    // trip and Mattermost's Plugin API calls add, apart from the sidecar's CheckFileInfo work.
    const headers = {Authorization: `Bearer ${ctx.token}`};
    const route = (path: string): Side<null> => ({prepare: (n) => new Array<null>(n).fill(null), send: () => send(ctx.base, {method: 'GET', path, headers})});
    log(`CheckFileInfo profile: ${SEQUENTIAL} sequential calls per side`);
    const health = route(`/plugins/${ctx.pluginId}/api/v1/health`);
    const gatherRoute = (query: string): Side<null> => route(`/plugins/${ctx.pluginId}/api/v1/test/gather/${query}`);
    const gather = await sequentialLatencies(SEQUENTIAL, health, gatherRoute(fileId));
    // The parts: without the three permission checks; the first round alone (no such record).
    const noPermissions = await sequentialLatencies(SEQUENTIAL, health, gatherRoute(`${fileId}?permissions=0`));
    const firstRound = await sequentialLatencies(SEQUENTIAL, health, gatherRoute('a'.repeat(26)));
    const addedBy = (s: {a: number[]; b: number[]}): string => `added: ${((median(s.b) - median(s.a)) * 1000).toFixed(0)} µs`;
    log(`CheckFileInfo: ${CONCURRENT} calls per side from ${CLIENTS} clients`);
    const baselineRate = await concurrentRate(CONCURRENT, CLIENTS, baseline);
    const pluginRate = await concurrentRate(CONCURRENT, CLIENTS, plugin);
    // Second baseline pass after the plugin's: the figure is their mean, so load drift shows less.
    const baselineRate2 = await concurrentRate(CONCURRENT, CLIENTS, baseline);
    const baseRate = (baselineRate + baselineRate2) / 2;
    const name = 'GET /api/v4/files/{id}/info';
    return {
        baselineRate: baseRate,
        rows: [
            row('CheckFileInfo', 'CheckFileInfo median latency', median(seq.b), median(seq.a), name, 'ms', atMost(2)),
            row('CheckFileInfo', 'rights facts alone (one gatherAccessFacts) median', median(gather.b), median(gather.a), 'the plugin health route', 'ms', noTarget, addedBy(gather)),
            row('CheckFileInfo', 'rights facts without the 3 permission checks, median', median(noPermissions.b), median(noPermissions.a), 'the plugin health route', 'ms', noTarget, addedBy(noPermissions)),
            row('CheckFileInfo', 'rights facts, first round only (user + record), median', median(firstRound.b), median(firstRound.a), 'the plugin health route', 'ms', noTarget, addedBy(firstRound)),
            row('CheckFileInfo', 'CheckFileInfo p99 latency', percentile(seq.b, 99), percentile(seq.a, 99), name, 'ms', noTarget),
            row('CheckFileInfo', `CheckFileInfo throughput, ${CLIENTS} clients`, pluginRate, baseRate, name, 'req/s', noTarget,
                `baseline passes: ${baselineRate.toFixed(0)} and ${baselineRate2.toFixed(0)} req/s`),
        ],
    };
}

