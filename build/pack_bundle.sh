#!/usr/bin/env bash
# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# Assembles the plugin bundle from the built parts: the manifest, the shim per architecture, the
# Node runtime per architecture, the bundled sidecar, the webapp bundle and the assets. Mattermost
# refuses uploads over FileSettings.MaxFileSize (100 MiB by default: the plugin upload route is a
# "file API" in server/channels/api4/plugin.go); when one bundle for both architectures is over
# that, one bundle per architecture is written instead.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
id="$(node -p "require('./plugin.json').id")"
version="$(node -p "require('./plugin.json').version")"
limit=$((100 * 1024 * 1024))
archs=(amd64 arm64)

node_arch() { [ "$1" = amd64 ] && echo x64 || echo "$1"; }

# strip_node <arch> <file>: drops the Node runtime's symbol table and debug info (the npm
# build ships them: 126 -> 108 MB for x64, 8 MiB less in the bundle for both architectures);
# the code is untouched. llvm-strip reads every architecture; GNU strip only the host's, so
# arm64 needs binutils-aarch64-linux-gnu (e2e/stack/install_deps.sh installs it). Without a
# tool the runtime ships as it is, and the size check below decides the bundles.
strip_node() {
    local a="$1" file="$2" tool=""
    if command -v llvm-strip >/dev/null; then
        tool=llvm-strip
    elif [ "$a" = arm64 ] && command -v aarch64-linux-gnu-strip >/dev/null; then
        tool=aarch64-linux-gnu-strip
    elif [ "$a" = amd64 ] && command -v x86_64-linux-gnu-strip >/dev/null; then
        tool=x86_64-linux-gnu-strip
    fi
    if [ -z "$tool" ]; then
        echo "warning: no strip tool for linux-$a (llvm-strip, or binutils' ${a/amd64/x86_64}-linux-gnu-strip): its Node runtime ships unstripped" >&2
        return 0
    fi
    "$tool" --strip-all "$file"
}

# stage <dir> <archs...>: lay out one bundle directory.
stage() {
    local dir="$1"; shift
    rm -rf "$dir"
    mkdir -p "$dir/server/dist" "$dir/server-ts/dist" "$dir/webapp/dist"
    node -e '
        const m = require("./plugin.json");
        const keep = process.argv.slice(2);
        for (const k of Object.keys(m.server.executables)) {
            if (!keep.includes(k)) delete m.server.executables[k];
        }
        require("fs").writeFileSync(process.argv[1], JSON.stringify(m, null, 4) + "\n");
    ' "$dir/plugin.json" $(for a in "$@"; do echo "linux-$a"; done)
    for a in "$@"; do
        cp "build/shim/bin/plugin-linux-$a" "$dir/server/dist/"
        local rt
        rt="$(bash build/fetch_node_runtime.sh "$(node_arch "$a")")"
        mkdir -p "$dir/server/node/linux-$(node_arch "$a")/bin"
        cp "$rt/bin/node" "$dir/server/node/linux-$(node_arch "$a")/bin/node"
        strip_node "$a" "$dir/server/node/linux-$(node_arch "$a")/bin/node"
        cp "$rt/LICENSE" "$dir/server/node/linux-$(node_arch "$a")/LICENSE"
    done
    cp server-ts/dist/main.js "$dir/server-ts/dist/"
    [ -f server-ts/dist/main.js.LEGAL.txt ] && cp server-ts/dist/main.js.LEGAL.txt "$dir/server-ts/dist/"
    cp -r webapp/dist/. "$dir/webapp/dist/"
    cp -r assets "$dir/assets"
    cp LICENSE "$dir/LICENSE" 2>/dev/null || true
}

# pack <dir> <tarball>: a tar.gz whose top-level directory is the plugin id.
pack() {
    local dir="$1" out="$2"
    tar --sort=name --owner=0 --group=0 --numeric-owner -C "$(dirname "$dir")" -cf - "$(basename "$dir")" | gzip -9 > "$out"
}

mkdir -p dist
rm -f dist/"$id"-*.tar.gz
stagedir="dist/stage/$id"
stage "$stagedir" "${archs[@]}"
pack "$stagedir" "dist/$id-$version.tar.gz"
size=$(stat -c %s "dist/$id-$version.tar.gz")
if [ "$size" -le "$limit" ]; then
    echo "dist/$id-$version.tar.gz: $((size / 1024 / 1024)) MiB ($size bytes), both architectures"
else
    echo "one bundle would be $((size / 1024 / 1024)) MiB, over Mattermost's default 100 MiB upload limit: writing one per architecture"
    rm "dist/$id-$version.tar.gz"
    for a in "${archs[@]}"; do
        stage "$stagedir" "$a"
        pack "$stagedir" "dist/$id-$version-linux-$a.tar.gz"
        s=$(stat -c %s "dist/$id-$version-linux-$a.tar.gz")
        echo "dist/$id-$version-linux-$a.tar.gz: $((s / 1024 / 1024)) MiB ($s bytes)"
    done
fi
rm -rf dist/stage
