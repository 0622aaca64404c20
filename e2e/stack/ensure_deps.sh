#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Called by `make test`, `make e2e` and `make run` before a stack starts: when Debian's PostgreSQL
# server or Chromium is missing, installs them with install_deps.sh, so `make dist && make test`
# is all a fresh machine needs. When it cannot (not root and no sudo without a password, or no
# apt-get), it says why in one line and fails. NEEDS=postgres skips the Chromium check.
set -euo pipefail
here="$(dirname "${BASH_SOURCE[0]}")"

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [[ -x "${PG_BIN:-}/initdb" ]] || missing+=(PostgreSQL)
if [[ "${NEEDS:-all}" != postgres ]]; then
    command -v "${CHROMIUM_PATH:-chromium}" >/dev/null 2>&1 || missing+=(Chromium)
fi
[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing ${missing[*]}, and this machine has no apt-get to install it: install it yourself (then set CHROMIUM_PATH or PG_BIN if needed)." >&2
    exit 1
fi
if [[ $EUID -ne 0 ]] && ! sudo -n true 2>/dev/null; then
    echo "Missing ${missing[*]}, and installing it needs root: run sudo e2e/stack/install_deps.sh once." >&2
    exit 1
fi
echo "[ensure_deps] installing ${missing[*]} with e2e/stack/install_deps.sh" >&2
bash "$here/install_deps.sh"
