#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Installs the Debian packages the test stack needs on a fresh machine (CI calls it before the
# integration tests): the PostgreSQL server, the small tools the scripts use, and headless
# Chromium with fonts for the browser tests (e2e/browser; Playwright drives Debian's build). Go and Node
# come from the machine image. Needs root (or sudo).
set -euo pipefail

# binutils and binutils-aarch64-linux-gnu: `make dist` strips both Node runtimes (build/pack_bundle.sh).
packages=(postgresql postgresql-client curl ca-certificates util-linux procps
    chromium fonts-liberation fonts-dejavu-core fonts-noto-color-emoji
    binutils binutils-aarch64-linux-gnu)

sudo_cmd=()
if [[ $EUID -ne 0 ]]; then
    sudo_cmd=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update
# --no-install-recommends: no locales or extra contrib packages; the stack needs none of them.
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
# The Debian package starts a cluster on port 5432 through its init scripts where it can; the
# stack runs its own cluster instead and never touches that one.
ls -d /usr/lib/postgresql/*/bin >/dev/null
