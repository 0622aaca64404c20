// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {gzipSync} from 'node:zlib';

import type {BenchContext} from './bench_context';
import {noTarget, row, type ResultRow} from './result_row';
import {MiB} from './stats';

const REPO = join(__dirname, '..', '..');

// The sizes the README documents: the baseline these are compared with.
const README_BUNDLE = 102_117_809;
const README_WEBAPP_GZ = 18.2 * 1000;

// Bundle sizes: the plugin tarball the stack installed (or BENCH_TARBALL), the webapp bundle
// gzipped (-9, as servers serve it), and the sidecar bundle.
export function benchSizes(ctx: BenchContext): ResultRow[] {
    const bundle = process.env.BENCH_TARBALL ?? ctx.stack.plugin!.bundle;
    const tarball = statSync(bundle).size;
    const webapp = readFileSync(join(REPO, 'webapp', 'dist', 'main.js'));
    const webappGz = gzipSync(webapp, {level: 9}).length;
    const sidecar = statSync(join(REPO, 'server-ts', 'dist', 'main.js')).size;
    return [
        row('Sizes', 'plugin tarball', tarball / MiB, README_BUNDLE / MiB, 'README figure', 'MiB', noTarget, `${tarball.toLocaleString('en')} bytes`),
        row('Sizes', 'webapp bundle gzipped', webappGz / 1000, README_WEBAPP_GZ / 1000, 'README figure', 'kB', noTarget, `${(webapp.length / 1000).toFixed(1)} kB before gzip`),
        row('Sizes', 'sidecar bundle', sidecar / MiB, null, '', 'MiB', noTarget),
    ];
}
