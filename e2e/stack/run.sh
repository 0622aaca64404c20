#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# `make run`: the integration-test stack for a person. Starts PostgreSQL and Mattermost with the
# plugin from dist/ (if built) and the seeded users, channels and office files, prints where to
# go and how to log in, and keeps running until Ctrl-C, which stops everything.
#
# COLLABORA_URL (e.g. http://127.0.0.1:9980) becomes the plugin's CollaboraUrl setting.
# Mattermost's web app is not part of the Go module, so the browser UI is not served at `/`:
# use the REST API, mmctl, or a Mattermost desktop/web client pointed at this server.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/stack_env.sh"
lock_stack

stopping=0
stop_stack() {
    [[ $stopping -eq 1 ]] && return
    stopping=1
    echo
    bash "$STACK_SCRIPTS_DIR/stop.sh"
}
trap stop_stack EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STACK_PLUGIN="${STACK_PLUGIN:-optional}" bash "$STACK_SCRIPTS_DIR/start.sh"

node - "$STACK_JSON" <<'JS'
const stack = require(process.argv[2]);
const lines = [
    '',
    `Mattermost ${stack.mattermost.version} is running at ${stack.url}`,
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
