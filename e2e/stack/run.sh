#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# `make run`: the integration-test stack for a person. Starts PostgreSQL and Mattermost with the
# plugin from dist/ (if built) and the seeded users, channels and office files, prints where to
# go and how to log in, and keeps running until Ctrl-C, which stops everything.
#
# Mattermost's web app is not part of the Go module, so `/` has no UI. The host page of the browser
# tests (e2e/browser/host, which plays Mattermost's web app for the plugin) is served instead, on
# the Site URL, one port above Mattermost's, with the Collabora stand-in as editor; COLLABORA_URL
# (e.g. http://127.0.0.1:9980) makes a real Collabora Online the plugin's CollaboraUrl instead.
set -euo pipefail
export MM_SITE_URL="${MM_SITE_URL:-http://127.0.0.1:$(( ${MM_PORT:-8065} + 1 ))}"
. "$(dirname "${BASH_SOURCE[0]}")/stack_env.sh"
NEEDS=postgres bash "$STACK_SCRIPTS_DIR/ensure_deps.sh"
lock_stack

stopping=0
host_pid=""
stop_stack() {
    [[ $stopping -eq 1 ]] && return
    stopping=1
    echo
    [[ -n "$host_pid" ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
    bash "$STACK_SCRIPTS_DIR/stop.sh"
}
trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STACK_PLUGIN="${STACK_PLUGIN:-optional}" bash "$STACK_SCRIPTS_DIR/start.sh"

# The host page (and the stand-in), once the plugin is there to use them.
host_log="$STACK_STATE_DIR/host.log"
host_url=""
if node -e 'process.exit(require(process.argv[1]).plugin ? 0 : 1)' "$STACK_JSON"; then
    STACK_JSON="$STACK_JSON" "$TSX_BIN" "$REPO_ROOT/e2e/browser/serve_host.ts" >"$host_log" 2>&1 &
    host_pid=$!
    for _ in $(seq 1 120); do
        host_url="$(sed -n 's/^host: //p' "$host_log")"
        [[ -n "$host_url" ]] && break
        kill -0 "$host_pid" 2>/dev/null || { cat "$host_log" >&2; die "the host page did not start"; }
        sleep 0.5
    done
fi

HOST_URL="$host_url" node - "$STACK_JSON" <<'JS'
const stack = require(process.argv[2]);
const lines = [
    '',
    `Mattermost ${stack.mattermost.version} is running at ${stack.url}`,
    process.env.HOST_URL ? `Open ${process.env.HOST_URL} in a browser and log in (a test page playing Mattermost's web app, not Mattermost's own UI).` : 'No host page: the plugin is not built.',
    `Plugin: ${stack.plugin ? `${stack.plugin.id} ${stack.plugin.version}` : 'not installed (run make dist first)'}`,
    `Team: ${stack.team.name}; channels: ${Object.values(stack.channels).map((c) => c.name).join(', ')}`,
    '',
    'Users (username / password):',
    ...Object.entries(stack.users).map(([key, u]) => `  ${key.padEnd(14)} ${u.username} / ${u.password}`),
    '',
    `Admin token: ${stack.users.admin.token}`,
    `mmctl:       source ${require('path').dirname(process.argv[2])}/stack.env && $MMCTL_BIN --local plugin list`,
    `Logs:        ${stack.log_dir}`,
    '',
    'Press Ctrl-C to stop.',
];
console.log(lines.join('\n'));
JS

# Stay in the foreground while the server runs; it ending on its own also ends this script.
mm_pid="$(cat "$STACK_STATE_DIR/mattermost.pid")"
while kill -0 "$mm_pid" 2>/dev/null; do
    sleep 1
done
log "Mattermost exited on its own; see $STACK_STATE_DIR/logs"
exit 1
