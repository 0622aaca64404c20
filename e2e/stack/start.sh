#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Starts the test stack: a private PostgreSQL cluster and the pinned Mattermost server, both on
# loopback, configured through MM_* environment variables only; then seeds users, a team,
# channels and office attachments, installs the plugin bundle, and writes e2e/.stack/stack.json
# and e2e/.stack/stack.env. Every run starts from an empty database (tests stay independent).
#
# Re-running it stops whatever an earlier run left behind first. On failure it tears down what
# it started. Stop with stop.sh.
#
# Environment:
#   STACK_PLUGIN   required | optional (default) | none: whether a bundle from dist/ must be installed
#   PLUGIN_BUNDLE  a bundle to install instead of the one found in dist/
#   COLLABORA_URL  sets the plugin's CollaboraUrl setting
#   STACK_STORAGE  local (default) | s3: Mattermost's file store (s3: a bucket in moto, see s3_env.sh)
#   MM_PORT, PG_PORT, STACK_STATE_DIR, MM_SITE_URL: see stack_env.sh
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/stack_env.sh"
. "$STACK_SCRIPTS_DIR/s3_env.sh"

started_at=$EPOCHREALTIME
STACK_PLUGIN="${STACK_PLUGIN:-optional}"

# A stale stack (crash, killed shell) is cleaned before anything else.
bash "$STACK_SCRIPTS_DIR/stop.sh" --quiet

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}
for port in "$MM_PORT" "$PG_PORT"; do
    port_in_use "$port" && die "port $port on 127.0.0.1 is taken by another process; set MM_PORT / PG_PORT"
done

# --- plugin bundle -------------------------------------------------------------------------
# Per-architecture bundles are preferred; a single bundle carrying every architecture also works.
find_bundle() {
    local version arch
    version="$(node -p "require('$REPO_ROOT/plugin.json').version")"
    case "$(uname -m)" in aarch64 | arm64) arch=linux-arm64 ;; *) arch=linux-amd64 ;; esac
    for f in "$REPO_ROOT/dist/$PLUGIN_ID-$version-$arch.tar.gz" "$REPO_ROOT/dist/$PLUGIN_ID-$version.tar.gz"; do
        [[ -f "$f" ]] && { echo "$f"; return 0; }
    done
    return 1
}
bundle=""
if [[ "$STACK_PLUGIN" != none ]]; then
    if [[ -n "${PLUGIN_BUNDLE:-}" ]]; then
        [[ -f "$PLUGIN_BUNDLE" ]] || die "PLUGIN_BUNDLE=$PLUGIN_BUNDLE does not exist"
        bundle="$PLUGIN_BUNDLE"
    elif ! bundle="$(find_bundle)"; then
        bundle=""
        [[ "$STACK_PLUGIN" == required ]] && die "no plugin bundle in dist/: run make dist first"
        log "no plugin bundle in dist/: starting without the plugin (run make dist, then restart)"
    fi
fi

bash "$STACK_SCRIPTS_DIR/build_mattermost.sh"
mm_module_dir="$(mm_server_path)"
[[ -d "$mm_module_dir/i18n" ]] || die "runtime files missing under $mm_module_dir"
[[ -x "$TSX_BIN" ]] || die "$TSX_BIN missing: run npm ci at the repository root"

# --- run dir ---------------------------------------------------------------------------------
# Data, sockets and logs live in a fresh temp dir: short socket paths, and readable by the
# postgres user when we run as root (the checkout may sit under a private home directory).
mkdir -p "$STACK_STATE_DIR"
run_dir="$(mktemp -d "${TMPDIR:-/tmp}/collabora-mm-stack.XXXXXX")"
chmod 755 "$run_dir"
echo "$run_dir" >"$STACK_RUN_DIR_FILE"
mkdir -p "$run_dir/logs/postgres" "$run_dir/mm/data" "$run_dir/mm/plugins" "$run_dir/mm/client_plugins" "$run_dir/pg"

# Tear down on any failure from here on, so a failed start leaves nothing running.
trap 'rc=$?; if [[ $rc -ne 0 ]]; then log "start failed (exit $rc); logs in $STACK_STATE_DIR/logs"; bash "$STACK_SCRIPTS_DIR/stop.sh" --quiet; fi' EXIT

# --- PostgreSQL ------------------------------------------------------------------------------
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
[[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL server binaries not found (run e2e/stack/install_deps.sh)"
# PostgreSQL refuses to run as root: then the cluster belongs to the postgres user.
as_pg() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [[ $EUID -eq 0 ]]; then chown postgres: "$run_dir/pg" "$run_dir/logs/postgres"; fi
as_pg "$PG_BIN/initdb" -D "$run_dir/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$run_dir/logs/postgres/initdb.log"
# fsync off: a throw-away database, and tests get much faster on slow disks.
as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$run_dir/pg/data" -l "$run_dir/logs/postgres/postgres.log" \
    -o "-p $PG_PORT -k $run_dir/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null 9>&-
head -n 1 "$run_dir/pg/data/postmaster.pid" >"$STACK_STATE_DIR/postgres.pid"
psql_admin() {
    psql -X -q -v ON_ERROR_STOP=1 -h "$run_dir/pg" -p "$PG_PORT" -U postgres -d postgres "$@"
}
psql_admin -c "CREATE ROLE mmuser LOGIN PASSWORD 'mmuser_test_password'"
psql_admin -c "CREATE DATABASE mattermost_test OWNER mmuser ENCODING 'UTF8' TEMPLATE template0"
dsn="postgres://mmuser:mmuser_test_password@127.0.0.1:$PG_PORT/mattermost_test?sslmode=disable&connect_timeout=10"

# --- Mattermost ------------------------------------------------------------------------------
local_socket="$run_dir/mm_local.socket"
mm_env=(
    # The config lives in the database (as in HA setups); the variables below override it and
    # are never written back, so each run is configured by this file alone.
    MM_CONFIG="$dsn"
    MM_SQLSETTINGS_DRIVERNAME=postgres
    MM_SQLSETTINGS_DATASOURCE="$dsn"
    MM_SERVICESETTINGS_SITEURL="$MM_SITE_URL"
    MM_SERVICESETTINGS_LISTENADDRESS="$MM_HOST:$MM_PORT"
    MM_SERVICESETTINGS_ENABLELOCALMODE=true
    MM_SERVICESETTINGS_LOCALMODESOCKETLOCATION="$local_socket"
    MM_SERVICESETTINGS_ENABLEUSERACCESSTOKENS=true
    MM_SERVICESETTINGS_ENABLEDEVELOPER=true
    MM_SERVICESETTINGS_ENABLEBOTACCOUNTCREATION=true
    MM_SERVICESETTINGS_ENABLESECURITYFIXALERT=false
    MM_SERVICESETTINGS_ENABLEONBOARDINGFLOW=false
    # A cookie-authenticated non-GET without the right X-CSRF-Token reaches plugins anonymous
    # (app/plugin_requests.go), as on servers that turn strict enforcement on.
    MM_SERVICESETTINGS_EXPERIMENTALSTRICTCSRFENFORCEMENT=true
    MM_TEAMSETTINGS_ENABLEOPENSERVER=false
    MM_EMAILSETTINGS_SENDEMAILNOTIFICATIONS=false
    MM_EMAILSETTINGS_REQUIREEMAILVERIFICATION=false
    MM_PLUGINSETTINGS_ENABLE=true
    MM_PLUGINSETTINGS_ENABLEUPLOADS=true
    MM_PLUGINSETTINGS_REQUIREPLUGINSIGNATURE=false
    MM_PLUGINSETTINGS_AUTOMATICPREPACKAGEDPLUGINS=false
    MM_PLUGINSETTINGS_ENABLEMARKETPLACE=false
    MM_PLUGINSETTINGS_ENABLEREMOTEMARKETPLACE=false
    MM_PLUGINSETTINGS_ENABLEHEALTHCHECK=true
    MM_PLUGINSETTINGS_DIRECTORY="$run_dir/mm/plugins"
    MM_PLUGINSETTINGS_CLIENTDIRECTORY="$run_dir/mm/client_plugins"
    MM_FILESETTINGS_DRIVERNAME=local
    MM_FILESETTINGS_DIRECTORY="$run_dir/mm/data"
    # The bundle carries Node runtimes (~90 MB); uploads of it must fit. 300 MiB.
    MM_FILESETTINGS_MAXFILESIZE=314572800
    MM_LOGSETTINGS_ENABLECONSOLE=true
    MM_LOGSETTINGS_CONSOLELEVEL=INFO
    MM_LOGSETTINGS_ENABLEFILE=true
    MM_LOGSETTINGS_FILELEVEL=DEBUG
    MM_LOGSETTINGS_FILELOCATION="$run_dir/logs"
    MM_LOGSETTINGS_ENABLEDIAGNOSTICS=false
    MM_METRICSSETTINGS_ENABLE=false
)
# STACK_STORAGE=s3: the files go to a bucket of an object store on loopback instead.
if [[ "$STACK_STORAGE" == s3 ]]; then
    bash "$STACK_SCRIPTS_DIR/s3_server.sh" start "$run_dir"
    mm_env+=("${S3_MM_ENV[@]}")
fi
# The server looks for i18n/, templates/ and fonts/ relative to its binary and its working dir
# (fileutils.FindDirRelBinary; this commit never reads MM_SERVER_PATH), so the working dir gets
# links to the copies inside the module cache.
for d in i18n templates fonts; do
    ln -s "$mm_module_dir/$d" "$run_dir/mm/$d"
done
# Its own session and process group, so stop.sh can end the server and every plugin process it
# started (shim, Node sidecar) together.
(cd "$run_dir/mm" && exec env "${mm_env[@]}" setsid "$MM_BIN" server >>"$run_dir/logs/mattermost.out" 2>&1 </dev/null 9>&-) &
echo $! >"$STACK_STATE_DIR/mattermost.pid"
mm_pid=$!

deadline=$((SECONDS + 180))
until curl -fs -o /dev/null "$MM_URL/api/v4/system/ping"; do
    if ! kill -0 "$mm_pid" 2>/dev/null; then
        tail -n 30 "$run_dir/logs/mattermost.out" >&2
        die "Mattermost exited during startup"
    fi
    ((SECONDS < deadline)) || die "Mattermost did not answer /api/v4/system/ping within 180 s"
    sleep 0.5
done
server_up=$(awk -v a="$started_at" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
log "Mattermost answers at $MM_URL after ${server_up}s"

# --- seed ------------------------------------------------------------------------------------
export MM_URL STACK_JSON PLUGIN_ID
export STACK_RUN_DIR="$run_dir" MM_LOG_DIR="$run_dir/logs" MM_PLUGIN_DIR="$run_dir/mm/plugins"
export MM_LOCAL_SOCKET="$local_socket" FIXTURES_DIR="$REPO_ROOT/e2e/fixtures" PLUGIN_BUNDLE="$bundle"
"$TSX_BIN" "$STACK_SCRIPTS_DIR/seed.ts"

# Variables for other tools: mmctl and the starter template's pluginctl / `make deploy` read
# these names.
admin_token="$(node -p "require('$STACK_JSON').users.admin.token")"
cat >"$STACK_STATE_DIR/stack.env" <<ENV
export STACK_JSON='$STACK_JSON'
export MM_URL='$MM_URL'
export MM_SERVICESETTINGS_SITEURL='$MM_SITE_URL'
export MM_SITE_URL='$MM_SITE_URL'
export MM_ADMIN_USERNAME='admin'
export MM_ADMIN_PASSWORD='$(node -p "require('$STACK_JSON').users.admin.password")'
export MM_ADMIN_TOKEN='$admin_token'
export MM_LOCALSOCKETPATH='$local_socket'
export MMCTL_LOCAL_SOCKET_PATH='$local_socket'
export MMCTL_BIN='$MMCTL_BIN'
ENV
storage_stack_env "$run_dir" >>"$STACK_STATE_DIR/stack.env"
chmod 600 "$STACK_STATE_DIR/stack.env"
trap - EXIT
# Every run says which server it tested: the pin, and what the server itself reports.
log "Mattermost $(node -p "const m = require('$STACK_JSON').mattermost; m.version + ' (X-Version-Id ' + m.version_id + ', BuildHash ' + m.build_hash + ')'"), pin $MM_PIN: $MM_SERVER_MODULE@$MM_SERVER_VERSION, $MM_PUBLIC_MODULE@$MM_PUBLIC_VERSION"
total=$(awk -v a="$started_at" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
log "stack ready in ${total}s: $STACK_JSON"
