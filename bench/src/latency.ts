// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {runConcurrently} from './concurrency';
import type {Reply} from './http_client';

// A side of a latency comparison: `prepare` makes n requests ready (e.g. signs them), outside
// the timing; `send` sends one and must answer 200.
export interface Side<P> {
    prepare: (n: number) => P[];
    send: (prepared: P) => Promise<Reply>;
}

function ok(reply: Reply, what: string): Reply {
    if (reply.status !== 200) {
        throw new Error(`${what} answered ${reply.status}`);
    }
    return reply;
}

// Sequential latencies in A B B A blocks (linear drift in machine load cancels out).
export async function sequentialLatencies<A, B>(total: number, a: Side<A>, b: Side<B>): Promise<{a: number[]; b: number[]}> {
    const block = Math.ceil(total / 2);
    const out = {a: [] as number[], b: [] as number[]};
    const runA = async (): Promise<void> => {
        for (const p of a.prepare(block)) {
            out.a.push(ok(await a.send(p), 'baseline').ms);
        }
    };
    const runB = async (): Promise<void> => {
        for (const p of b.prepare(block)) {
            out.b.push(ok(await b.send(p), 'plugin').ms);
        }
    };
    // Warm-up of both paths (connections, JIT, caches) is not counted.
    for (const p of a.prepare(20)) {
        ok(await a.send(p), 'baseline');
    }
    for (const p of b.prepare(20)) {
        ok(await b.send(p), 'plugin');
    }
    await runA();
    await runB();
    await runB();
    await runA();
    return out;
}

// Requests per second of `total` requests from `clients` concurrent clients.
export async function concurrentRate<P>(total: number, clients: number, side: Side<P>): Promise<number> {
    const prepared = side.prepare(total);
    const {ms} = await runConcurrently(prepared, clients, async (p) => {
        ok(await side.send(p), 'concurrent request');
    });
    return total / (ms / 1000);
}
