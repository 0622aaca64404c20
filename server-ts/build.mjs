// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Bundles the sidecar into one file: the plugin needs no node_modules at run time.
import {readFileSync} from 'node:fs';

import {build} from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('../plugin.json', import.meta.url), 'utf8'));

await build({
    entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
    outfile: new URL('./dist/main.js', import.meta.url).pathname,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    sourcemap: false,
    legalComments: 'linked',
    define: {PLUGIN_VERSION: JSON.stringify(manifest.version), PLUGIN_MIN_SERVER_VERSION: JSON.stringify(manifest.min_server_version)},
    logLevel: 'warning',
});
