#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# The S3-compatible object store of the STACK_STORAGE=s3 stack (see s3_env.sh): installs moto,
# starts it on 127.0.0.1:$S3_PORT with an empty bucket, stops it.
#
# Why moto and not MinIO: the MinIO server is AGPL-licensed, is not among the modules the project
# may take from the Go module proxy (only its Apache-licensed client, minio-go, which Mattermost
# itself uses), and would add a large Go build to every cold CI run. moto (Apache 2.0) installs
# from PyPI in about a minute and a half, answers every call Mattermost's S3 driver makes
# (BucketExists, ListObjects, multipart PutObject, StatObject, GetObject with ranges,
# ComposeObject/UploadPartCopy for upload sessions, CopyObject, RemoveObject), and keeps the
# objects in memory: nothing to clean up.
#
# Usage: s3_server.sh install | start <run dir> | stop
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/stack_env.sh"
. "$STACK_SCRIPTS_DIR/s3_env.sh"

pid_file="$STACK_STATE_DIR/s3.pid"

install_moto() {
    local stamp="$MOTO_VENV/installed.stamp"
    if [[ -f "$stamp" && "$(cat "$stamp")" == "moto[server]==$MOTO_VERSION" && -x "$MOTO_VENV/bin/python" ]]; then
        return 0
    fi
    log "installing moto[server]==$MOTO_VERSION into $MOTO_VENV"
    local start=$SECONDS
    # A venv keeps its own path in its scripts, so it is built in place; the stamp, written last,
    # marks it complete.
    rm -rf "$MOTO_VENV"
    mkdir -p "$(dirname "$MOTO_VENV")"
    python3 -m venv "$MOTO_VENV"
    "$MOTO_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION"
    echo "moto[server]==$MOTO_VERSION" >"$stamp"
    log "installed moto in $((SECONDS - start))s"
}

start_moto() {
    local run_dir=$1
    install_moto
    if (exec 3<>"/dev/tcp/127.0.0.1/$S3_PORT") 2>/dev/null; then
        die "port $S3_PORT on 127.0.0.1 is taken by another process; set S3_PORT"
    fi
    mkdir -p "$run_dir/s3" "$run_dir/logs"
    # Its working dir is in the run dir, so stop.sh finds it even without the pid file.
    (cd "$run_dir/s3" && exec setsid "$MOTO_VENV/bin/python" -m moto.server -H 127.0.0.1 -p "$S3_PORT" \
        >>"$run_dir/logs/s3.log" 2>&1 </dev/null 9>&-) &
    local pid=$!
    echo "$pid" >"$pid_file"
    local deadline=$((SECONDS + 60))
    until curl -fs -o /dev/null "http://$S3_ENDPOINT/"; do
        kill -0 "$pid" 2>/dev/null || { tail -n 20 "$run_dir/logs/s3.log" >&2; die "moto exited during startup"; }
        ((SECONDS < deadline)) || die "moto did not answer on $S3_ENDPOINT within 60 s"
        sleep 0.3
    done
    # CreateBucket, path-style. moto checks no signature, so plain curl is enough here; the tests
    # sign their requests (SigV4) as a real store requires.
    curl -fsS -o /dev/null -X PUT "http://$S3_ENDPOINT/$S3_BUCKET"
    log "moto $MOTO_VERSION (pid $pid) serves bucket $S3_BUCKET at http://$S3_ENDPOINT"
}

stop_moto() {
    [[ -f "$pid_file" ]] || return 0
    local pid
    pid="$(cat "$pid_file")"
    # Only a python running moto is ours (pid reuse).
    if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'moto.server'; then
        kill -TERM "$pid" 2>/dev/null
        local deadline=$((SECONDS + 10))
        while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
}

case "${1:-}" in
install) install_moto ;;
start) [[ -n "${2:-}" ]] || die "usage: s3_server.sh start <run dir>"; start_moto "$2" ;;
stop) stop_moto ;;
*) die "usage: s3_server.sh install | start <run dir> | stop" ;;
esac
