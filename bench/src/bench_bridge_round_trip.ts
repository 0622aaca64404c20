// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {BenchContext} from './bench_context';
import {send} from './http_client';
import {sequentialLatencies, type Side} from './latency';
import {log} from './log';
import {noTarget, row, type ResultRow} from './result_row';
import {median, percentile} from './stats';

const CALLS = 1000;

// The cost of one ServeHTTP round trip through the bridge (Mattermost → shim → HTTP on a unix
// socket → Node's app and back): the plugin's health route against Mattermost's own ping, both through
// Mattermost's HTTP stack with the same session. The difference is the bridge plus the route.
export async function benchBridgeRoundTrip(ctx: BenchContext): Promise<ResultRow[]> {
    const headers = {Authorization: `Bearer ${ctx.token}`};
    const side = (path: string): Side<null> => ({
        prepare: (n) => new Array<null>(n).fill(null),
        send: () => send(ctx.base, {method: 'GET', path, headers}),
    });
    log(`bridge round trip: ${CALLS} sequential calls per side`);
    const seq = await sequentialLatencies(CALLS, side('/api/v4/system/ping'), side(`/plugins/${ctx.pluginId}/api/v1/health`));
    const added = median(seq.b) - median(seq.a);
    return [
        row('Bridge', 'health median latency', median(seq.b), median(seq.a), 'GET /api/v4/system/ping', 'ms', noTarget,
            `added by the plugin path: ${(added * 1000).toFixed(0)} µs`),
        row('Bridge', 'health p99 latency', percentile(seq.b, 99), percentile(seq.a, 99), 'GET /api/v4/system/ping', 'ms', noTarget),
    ];
}
