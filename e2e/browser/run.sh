#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# `make e2e`: the browser tests against a fresh stack. Mattermost's Site URL is the address of the
# tests' same-origin proxy (host_proxy.ts), one port above Mattermost's unless MM_SITE_URL says
# otherwise; Collabora (the stand-in) calls Mattermost directly through the plugin's WOPI base URL.
# Extra arguments go to jest (e.g. -t 'presence').
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
MM_PORT="${MM_PORT:-8065}"
export MM_PORT
export MM_SITE_URL="${MM_SITE_URL:-http://127.0.0.1:$((MM_PORT + 1))}"
bash e2e/stack/ensure_deps.sh
mkdir -p e2e/artifacts
exec bash e2e/stack/with_stack.sh npx jest -c e2e/browser/jest.config.js --runInBand --ci "$@"
