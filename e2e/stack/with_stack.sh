#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Runs a command against a fresh stack: builds Mattermost if needed, starts PostgreSQL and
# Mattermost with the plugin from dist/ installed, exports the stack's variables (stack.env),
# runs the command, and always tears the stack down, passing on the command's exit status.
#
# Usage: with_stack.sh <command...>
#   e.g. with_stack.sh npx jest -c e2e/jest.config.js --runInBand --ci
# STACK_PLUGIN defaults to `required` here: integration tests without the plugin are no tests.
# STACK_STORAGE=s3 runs it against the S3 variant (Mattermost's files in a moto bucket; s3_env.sh).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/stack_env.sh"
lock_stack

[[ $# -gt 0 ]] || die "usage: with_stack.sh <command...>"

trap 'bash "$STACK_SCRIPTS_DIR/stop.sh"' EXIT
# Ctrl-C or a CI timeout: tear down (through the EXIT trap) instead of leaving the stack behind.
trap 'exit 130' INT
trap 'exit 143' TERM

STACK_PLUGIN="${STACK_PLUGIN:-required}" bash "$STACK_SCRIPTS_DIR/start.sh"
# shellcheck source=/dev/null
. "$STACK_STATE_DIR/stack.env"

set +e
"$@"
status=$?
set -e
[[ $status -eq 0 ]] || log "command failed (exit $status); server logs: $STACK_STATE_DIR/logs"
exit $status
