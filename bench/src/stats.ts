// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Order statistics over samples; nearest-rank percentiles.

export function percentile(samples: number[], p: number): number {
    if (samples.length === 0) {
        return Number.NaN;
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}

export const median = (samples: number[]): number => percentile(samples, 50);

export const MiB = 1024 * 1024;

// MiB/s from bytes and milliseconds.
export const throughput = (bytes: number, ms: number): number => (bytes / MiB) / (ms / 1000);
