// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Node frees a Buffer's memory only when the garbage collector finds the Buffer unreachable, and
// V8 starts a collection for such memory (outside its heap) only after about 64 MiB of it has
// piled up. A save streams hundreds of MiB through short-lived 1 MiB Buffers, so each large save
// raised the sidecar's resident memory by some 80 MiB (bench/RESULTS.md). The streams that move
// file bytes report them here, and every RELEASE_EVERY bytes a young-generation collection (about
// a millisecond) frees the Buffers already done with. The shim starts Node with --expose-gc;
// without it (tests), this does nothing.

const RELEASE_EVERY = 16 * 1024 * 1024;

type Gc = (options?: {type?: 'minor' | 'major'; execution?: 'sync' | 'async'}) => void;

let sinceRelease = 0;

export function noteBufferTraffic(bytes: number): void {
    sinceRelease += bytes;
    if (sinceRelease < RELEASE_EVERY) {
        return;
    }
    sinceRelease = 0;
    (globalThis as {gc?: Gc}).gc?.({type: 'minor'});
}
