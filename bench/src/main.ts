// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The benchmark run against a stack that with_stack.sh started (see bench/run.sh). Prints a
// Markdown report on stdout and keeps it, with the raw rows, in bench/out/.
// BENCH_ONLY=transfer,memory runs a subset.

import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

import {openBenchContext} from './bench_context';
import {benchBridgeRoundTrip} from './bench_bridge_round_trip';
import {benchCheckFileInfo} from './bench_check_file_info';
import {benchColdStart} from './bench_cold_start';
import {benchLocks} from './bench_locks';
import {benchMemory} from './bench_memory';
import {benchSizes} from './bench_sizes';
import {benchTransfer} from './bench_transfer';
import {agent} from './http_client';
import {log} from './log';
import {describeMachine} from './machine';
import {markdownTable} from './report';
import type {ResultRow} from './result_row';

const only = new Set((process.env.BENCH_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean));
const wanted = (name: string): boolean => only.size === 0 || only.has(name);

async function main(): Promise<void> {
    const started = new Date();
    const machineBefore = describeMachine();
    const ctx = await openBenchContext();
    const rows: ResultRow[] = [];
    const timed = async (name: string, run: () => Promise<ResultRow[]> | ResultRow[]): Promise<void> => {
        if (!wanted(name)) {
            return;
        }
        const t = performance.now();
        rows.push(...await run());
        log(`${name} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    };
    try {
        await timed('sizes', () => benchSizes(ctx));
        await timed('bridge', () => benchBridgeRoundTrip(ctx));
        let baselineRate = Number.NaN;
        await timed('cfi', async () => {
            const cfi = await benchCheckFileInfo(ctx);
            baselineRate = cfi.baselineRate;
            return cfi.rows;
        });
        await timed('locks', () => benchLocks(ctx, baselineRate));
        await timed('transfer', () => benchTransfer(ctx));
        await timed('memory', () => benchMemory(ctx));
        // Last: it restarts the plugin.
        await timed('cold', () => benchColdStart(ctx));
    } finally {
        agent.destroy();
        await ctx.standIn.close();
    }
    const report = [
        `# Benchmark run ${started.toISOString()}`,
        '',
        `- Mattermost ${ctx.stack.mattermost.version} (${ctx.stack.mattermost.build_hash}), plugin ${ctx.stack.plugin?.version}`,
        `- machine at start: ${machineBefore}`,
        `- machine at end:   ${describeMachine()}`,
        `- duration: ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s`,
        '',
        markdownTable(rows),
        '',
    ].join('\n');
    const out = join(__dirname, '..', 'out');
    mkdirSync(out, {recursive: true});
    const stamp = started.toISOString().replace(/[:.]/g, '-');
    writeFileSync(join(out, `run-${stamp}.md`), report);
    writeFileSync(join(out, `run-${stamp}.json`), JSON.stringify({started, rows}, null, 2));
    process.stdout.write(report);
}

main().catch((err: unknown) => {
    log(`failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
    process.exit(1);
});
