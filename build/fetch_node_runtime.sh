#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Fetches the Node runtime for one architecture from the npm registry (cached by version) and
# prints the directory holding bin/node and LICENSE.
set -euo pipefail
arch="$1" # x64 or arm64
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=/dev/null
source "$here/node_runtime.env"
cache="$here/cache/node/$NODE_RUNTIME_VERSION/linux-$arch"
if [ ! -x "$cache/bin/node" ]; then
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_RUNTIME_VERSION" >/dev/null)
    mkdir -p "$cache/bin"
    tar -xzf "$tmp/node-linux-$arch-$NODE_RUNTIME_VERSION.tgz" -C "$tmp" package/bin/node package/LICENSE
    mv "$tmp/package/LICENSE" "$cache/LICENSE"
    mv "$tmp/package/bin/node" "$cache/bin/node"
    chmod 0755 "$cache/bin/node"
fi
echo "$cache"
