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
    // Collabora's requests carry no session, only the WOPI token in the query string, which
    // Mattermost tries as a session (and a user access token) before the plugin sees the request.
    // A token of the same shape, no session: what that costs every WOPI request.
    const wopiLike = `?access_token=${'x'.repeat(120)}&access_token_ttl=0`;
    const noSession = (path: string): Side<null> => ({prepare: (n) => new Array<null>(n).fill(null), send: () => send(ctx.base, {method: 'GET', path})});
    log(`bridge round trip: ${CALLS} sequential calls per side, with a WOPI-style token and no session`);
    const tok = await sequentialLatencies(CALLS, side(`/plugins/${ctx.pluginId}/api/v1/health`), noSession(`/plugins/${ctx.pluginId}/api/v1/health${wopiLike}`));
    const added = median(seq.b) - median(seq.a);
    return [
        row('Bridge', 'health median latency', median(seq.b), median(seq.a), 'GET /api/v4/system/ping', 'ms', noTarget,
            `added by the plugin path: ${(added * 1000).toFixed(0)} µs`),
        row('Bridge', 'health p99 latency', percentile(seq.b, 99), percentile(seq.a, 99), 'GET /api/v4/system/ping', 'ms', noTarget),
        row('Bridge', 'health median latency, WOPI-style token in the query', median(tok.b), median(tok.a), 'the same route with a session', 'ms', noTarget,
            `added by Mattermost trying the token: ${((median(tok.b) - median(tok.a)) * 1000).toFixed(0)} µs`),
    ];
}
