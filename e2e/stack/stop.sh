#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Stops the stack that start.sh started, whatever state it is in (running, half started,
# crashed), keeps its logs in e2e/.stack/logs, and removes its temp dir. Safe to run twice.
# Only processes recorded in pid files, or running from the stack's own temp dir, are touched.
#
# Usage: stop.sh [--quiet]
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/stack_env.sh"

quiet=0
[[ "${1:-}" == "--quiet" ]] && quiet=1
say() { [[ $quiet -eq 1 ]] || log "$@"; }

run_dir=""
[[ -f "$STACK_RUN_DIR_FILE" ]] && run_dir="$(cat "$STACK_RUN_DIR_FILE")"

alive() { kill -0 "$1" 2>/dev/null; }

# Waits up to $2 seconds for pid $1 to exit.
wait_gone() {
    local pid=$1 deadline=$((SECONDS + $2))
    while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    ! alive "$pid"
}

# PIDs whose command line or working dir points into the run dir: plugin processes (the shim
# and its Node sidecar run from <run_dir>/mm/plugins/...) that outlived a killed server.
strays() {
    [[ -n "$run_dir" ]] || return 0
    local p
    for p in /proc/[0-9]*; do
        # Processes may end while we look: errors reading /proc are expected and silenced.
        if { tr '\0' ' ' <"$p/cmdline"; } 2>/dev/null | grep -qF "$run_dir/" ||
            [[ "$(readlink "$p/cwd" 2>/dev/null)" == "$run_dir"/* ]]; then
            echo "${p#/proc/}"
        fi
    done
}

# --- Mattermost: SIGTERM lets it deactivate plugins (which stop their sidecars) --------------
mm_pid_file="$STACK_STATE_DIR/mattermost.pid"
if [[ -f "$mm_pid_file" ]]; then
    mm_pid="$(cat "$mm_pid_file")"
    # Guard against pid reuse after a reboot: only a mattermost binary is ours.
    if alive "$mm_pid" && [[ "$(readlink "/proc/$mm_pid/exe" 2>/dev/null)" == "$MM_BIN"* ]]; then
        say "stopping Mattermost (pid $mm_pid)"
        kill -TERM "$mm_pid" 2>/dev/null
        if ! wait_gone "$mm_pid" 30; then
            say "Mattermost ignored SIGTERM for 30 s; killing it"
            kill -KILL "$mm_pid" 2>/dev/null
            wait_gone "$mm_pid" 5
        fi
        # start.sh made the server a process group leader: anything left in its group is ours.
        kill -KILL -- "-$mm_pid" 2>/dev/null
    fi
    rm -f "$mm_pid_file"
fi

# --- PostgreSQL -------------------------------------------------------------------------------
pg_pid_file="$STACK_STATE_DIR/postgres.pid"
if [[ -n "$run_dir" && -f "$run_dir/pg/data/postmaster.pid" ]]; then
    PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
    say "stopping PostgreSQL"
    if [[ $EUID -eq 0 ]]; then
        runuser -u postgres -- "$PG_BIN/pg_ctl" stop -D "$run_dir/pg/data" -m fast -w -t 30 >/dev/null 2>&1
    else
        "$PG_BIN/pg_ctl" stop -D "$run_dir/pg/data" -m fast -w -t 30 >/dev/null 2>&1
    fi
fi
if [[ -f "$pg_pid_file" ]]; then
    pg_pid="$(cat "$pg_pid_file")"
    if alive "$pg_pid" && [[ "$(readlink "/proc/$pg_pid/exe" 2>/dev/null)" == */postgres ]]; then
        kill -KILL "$pg_pid" 2>/dev/null
        wait_gone "$pg_pid" 5
    fi
    rm -f "$pg_pid_file"
fi
# --- the object store of the s3 variant (none with the local driver) ---------------------------
bash "$STACK_SCRIPTS_DIR/s3_server.sh" stop

# Last, anything still running from the run dir (after PostgreSQL, whose processes work there
# too and deserve a clean shutdown).
for pid in $(strays); do
    say "killing leftover process $pid ($({ tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null | cut -c1-120))"
    kill -KILL "$pid" 2>/dev/null
done

# --- files ------------------------------------------------------------------------------------
if [[ -n "$run_dir" && -d "$run_dir" ]]; then
    rm -rf "$STACK_STATE_DIR/logs"
    cp -r "$run_dir/logs" "$STACK_STATE_DIR/logs" 2>/dev/null
    rm -rf "$run_dir"
    say "logs kept in $STACK_STATE_DIR/logs"
fi
rm -f "$STACK_RUN_DIR_FILE" "$STACK_JSON" "$STACK_STATE_DIR/stack.env"
exit 0
