#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# `make bench`: the benchmarks, each against a baseline measured in the same run. Not tests:
# nothing here runs in `make test`. Needs `make dist` first (the Makefile target depends on it).
#   1. the shim's Go benchmarks (build/shim, bridge round trip and upload memory, no server)
#   2. how many Plugin API calls each WOPI operation makes (the sidecar over an in-memory API)
#   3. the end-to-end benchmarks through a real Mattermost + PostgreSQL stack, with the
#      Collabora stand-in signing every WOPI request (bench/src/main.ts)
# Reports go to stdout and bench/out/. The stack gets its own ports and state directory, so a
# `make test` stack can run beside it: MM_PORT (8366), PG_PORT (5733), STACK_STATE_DIR.
# BENCH_ONLY=cfi,transfer runs a subset of the end-to-end benchmarks; BENCH_GO=0 skips step 1.
# About 5 minutes on 2 cores.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
export MM_PORT="${MM_PORT:-8366}" PG_PORT="${PG_PORT:-5733}" STACK_STATE_DIR="${STACK_STATE_DIR:-$here/.stack}"
# The sidecar's test routes (a made-up body out, a discarded body in) measure the ceiling of
# Mattermost's plugin HTTP path; Mattermost passes its environment on to the plugin.
export COLLABORA_SIDECAR_TEST_ROUTES=1
mkdir -p "$here/out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"

echo "load before: $(uptime)"
if [[ "${BENCH_GO:-1}" != 0 ]]; then
    echo "== shim Go benchmarks"
    # Each benchmark with its own iteration count: 2000 round trips, 3 x 100 MiB each way, one
    # 200 MiB upload per storage path and one 200 MiB GetFile through net/rpc (figures are peaks).
    for spec in 'BridgeRoundTrip 2000x' 'BridgeTransfer 3x' 'UploadMemory 1x' 'GetFileMemory 1x'; do
        read -r name times <<<"$spec"
        (cd "$repo/build/shim" && go test -run '^$' -bench "^Benchmark$name\$" -benchtime "$times" -count 1 .) | grep -E '^(Benchmark|ok|FAIL|---)' | tee -a "$here/out/go-$stamp.txt"
    done
fi
echo "== Plugin API calls per WOPI operation (in-memory Mattermost: where a request's time goes)"
"$repo/node_modules/.bin/tsx" "$here/src/api_call_census.ts" | tee "$here/out/census-$stamp.md"
echo "== storage and KV keys of one document after a simulated day (in-memory Mattermost)"
"$repo/node_modules/.bin/tsx" "$here/src/storage_day.ts" | tee "$here/out/storage-day-$stamp.md"
echo "== end-to-end benchmarks (Mattermost on 127.0.0.1:$MM_PORT)"
STACK_PLUGIN=required bash "$repo/e2e/stack/with_stack.sh" "$repo/node_modules/.bin/tsx" "$here/src/main.ts"
echo "load after: $(uptime)"
