// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// One line of the report: the plugin's figure, the same-run baseline, their ratio (plugin over
// baseline, whatever the unit), and whether it meets the target.
export interface ResultRow {
    section: string;
    name: string;
    value: number;
    baseline: number | null;
    baselineName: string;
    unit: string;
    ratio: number | null;
    target: string;
    pass: boolean | null;
    note?: string;
}

export type Target = {text: string; ok: (ratio: number) => boolean};

export const atLeast = (min: number): Target => ({text: `≥ ${min}`, ok: (r) => r >= min});
export const atMost = (max: number): Target => ({text: `≤ ${max}`, ok: (r) => r <= max});
export const noTarget: Target = {text: '–', ok: () => true};

export function row(section: string, name: string, value: number, baseline: number | null, baselineName: string, unit: string, target: Target, note?: string): ResultRow {
    const ratio = baseline === null || baseline === 0 ? null : value / baseline;
    const pass = ratio === null || target === noTarget ? null : target.ok(ratio);
    return {section, name, value, baseline, baselineName, unit, ratio, target: target.text, pass, note};
}
