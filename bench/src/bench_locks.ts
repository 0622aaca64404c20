// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import type {BenchContext} from './bench_context';
import {runPerClient} from './concurrency';
import {bytesOf, postDocument} from './documents';
import {log} from './log';
import {noTarget, row, type ResultRow} from './result_row';
import {median, percentile} from './stats';
import {WopiDocument, type SignedRequest} from './wopi_client';

const CLIENTS = 32;
const PAIRS_PER_CLIENT = 15;
const CONTENDED_ATTEMPTS = 15;

// Lock/Unlock pairs: 32 clients, each on its own document (the KV compare-and-set never
// conflicts), then 32 clients on one document (every Lock but one meets a lock held by
// another session). Baseline for the rate: Mattermost's own file info route at 32 clients
// (measured by the CheckFileInfo benchmark); for the contended latency: the uncontended one.
export async function benchLocks(ctx: BenchContext, baselineRate: number): Promise<ResultRow[]> {
    log(`locks: ${CLIENTS} documents`);
    const docs: WopiDocument[] = [];
    for (let i = 0; i < CLIENTS; i++) {
        const fileId = await postDocument(ctx, `bench-lock-${i}.docx`, bytesOf(1024));
        docs.push(await WopiDocument.open(ctx, fileId, 'edit'));
    }

    const lockMs: number[] = [];
    const pairs = docs.map((doc) => Array.from({length: PAIRS_PER_CLIENT}, () => [doc.lock(), doc.unlock()] as [SignedRequest, SignedRequest]));
    log(`locks: ${CLIENTS} clients × ${PAIRS_PER_CLIENT} Lock/Unlock pairs on distinct documents`);
    const distinct = await runPerClient(pairs, async ([lock, unlock], client) => {
        const locked = await docs[client].send(lock);
        const unlocked = await docs[client].send(unlock);
        if (locked.status !== 200 || unlocked.status !== 200) {
            throw new Error(`Lock/Unlock answered ${locked.status}/${unlocked.status}`);
        }
        lockMs.push(locked.ms);
    });
    const pairRate = (CLIENTS * PAIRS_PER_CLIENT) / (distinct.ms / 1000);

    // Contended: every client has its own Collabora lock id on the same document.
    const shared = docs[0];
    const lockIds = docs.map(() => `cool-lock${randomBytes(8).toString('hex')}`);
    const attempts = lockIds.map((id) => Array.from({length: CONTENDED_ATTEMPTS}, () => [shared.lock(id), shared.unlock(id)] as [SignedRequest, SignedRequest]));
    const contendedMs: number[] = [];
    let granted = 0;
    let refused = 0;
    log(`locks: ${CLIENTS} clients × ${CONTENDED_ATTEMPTS} Lock attempts on one document`);
    await runPerClient(attempts, async ([lock, unlock]) => {
        const reply = await shared.send(lock);
        contendedMs.push(reply.ms);
        if (reply.status === 200) {
            granted++;
            const released = await shared.send(unlock);
            if (released.status !== 200) {
                throw new Error(`Unlock by the holder answered ${released.status}`);
            }
        } else if (reply.status === 409) {
            refused++;
        } else {
            throw new Error(`contended Lock answered ${reply.status}`);
        }
    });
    return [
        row('Locks', `Lock+Unlock pairs/s, ${CLIENTS} clients, distinct documents`, pairRate * 2, baselineRate, 'GET /api/v4/files/{id}/info, 32 clients', 'req/s', noTarget,
            `${pairRate.toFixed(0)} pairs/s; median Lock ${median(lockMs).toFixed(1)} ms`),
        row('Locks', `contended Lock median latency, ${CLIENTS} clients, one document`, median(contendedMs), median(lockMs), 'uncontended Lock, 32 clients', 'ms', noTarget,
            `p99 ${percentile(contendedMs, 99).toFixed(1)} ms (uncontended p99 ${percentile(lockMs, 99).toFixed(1)} ms); ${granted} granted, ${refused} refused with 409`),
    ];
}
