# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Shared paths and ports of the test stack. Sourced (never executed) by the other scripts here, so
# every script agrees on where the binaries, the state and the processes are.
# Everything can be overridden from the environment, e.g. MM_PORT=8066 PG_PORT=5434 to run a second
# stack next to the first one, or STACK_STATE_DIR to keep two stacks' state apart.

STACK_SCRIPTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$STACK_SCRIPTS_DIR/../.." && pwd)"

# Which pinned server: MM_PIN=newest (mattermost_version.env, the default) or MM_PIN=oldest
# (mattermost_version_oldest.env, CI's compatibility pass).
MM_PIN="${MM_PIN:-newest}"
case "$MM_PIN" in
    newest) MM_PIN_FILE="$STACK_SCRIPTS_DIR/mattermost_version.env" ;;
    oldest) MM_PIN_FILE="$STACK_SCRIPTS_DIR/mattermost_version_oldest.env" ;;
    *) printf 'unknown MM_PIN=%s (newest or oldest)\n' "$MM_PIN" >&2; exit 1 ;;
esac
# shellcheck source=mattermost_version.env
. "$MM_PIN_FILE"

PLUGIN_ID="${PLUGIN_ID:-com.collaboraonline.mattermost}"

# Loopback only: the stack is for tests and for one person trying the plugin.
MM_HOST=127.0.0.1
MM_PORT="${MM_PORT:-8065}"
MM_URL="http://$MM_HOST:$MM_PORT"
# The Site URL: the address people (browsers) reach Mattermost at. By default the server itself;
# the browser tests set it to their same-origin proxy in front of it (e2e/browser).
MM_SITE_URL="${MM_SITE_URL:-$MM_URL}"
PG_PORT="${PG_PORT:-5433}"

# Built binaries, keyed by the pinned commit (build/cache/ is gitignored).
MM_CACHE_DIR="${MM_CACHE_DIR:-$REPO_ROOT/build/cache/mattermost/$MM_COMMIT}"
MM_BIN="$MM_CACHE_DIR/bin/mattermost"
MMCTL_BIN="$MM_CACHE_DIR/bin/mmctl"

# Small state that tests read (stack.json, pid files, a pointer to the run dir). Gitignored.
STACK_STATE_DIR="${STACK_STATE_DIR:-$REPO_ROOT/e2e/.stack}"
STACK_JSON="$STACK_STATE_DIR/stack.json"
STACK_RUN_DIR_FILE="$STACK_STATE_DIR/run_dir"

# Node 20 runs the TypeScript helpers through tsx (a dev dependency of the e2e workspace).
TSX_BIN="$REPO_ROOT/node_modules/.bin/tsx"

# The server/v8 module dir in the module cache holds i18n/, templates/ and fonts/, which the
# server needs at runtime.
mm_server_path() {
    local modcache
    modcache="$(go env GOMODCACHE)"
    printf '%s/%s@%s' "$modcache" "$MM_SERVER_MODULE" "$MM_SERVER_VERSION"
}

# Holds an exclusive lock on this checkout's stack for the rest of the calling script, so two
# `make test-integration` runs queue instead of stopping each other's server. start.sh closes
# fd 9 for the daemons it starts, so a leftover server never holds the lock.
lock_stack() {
    mkdir -p "$STACK_STATE_DIR"
    exec 9>"$STACK_STATE_DIR/lock"
    if ! flock -n 9; then
        log "another stack runs from this checkout; waiting for it (up to 30 min)"
        flock -w 1800 9 || die "gave up waiting for the stack lock $STACK_STATE_DIR/lock"
    fi
}

# Logs a line prefixed with the script name, on stderr so command output stays clean.
log() {
    printf '[%s] %s\n' "$(basename "$0")" "$*" >&2
}

die() {
    log "error: $*"
    exit 1
}
