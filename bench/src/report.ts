// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {ResultRow} from './result_row';

const num = (n: number | null): string => {
    if (n === null || Number.isNaN(n)) {
        return '–';
    }
    return Math.abs(n) >= 100 ? n.toFixed(0) : (Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
};

const verdict = (pass: boolean | null): string => (pass === null ? '–' : (pass ? 'pass' : '**miss**'));

// The report as a Markdown table, one row per figure.
export function markdownTable(rows: ResultRow[]): string {
    const lines = [
        '| figure | plugin | baseline | unit | ratio | target | result | notes |',
        '|---|---:|---:|---|---:|---|---|---|',
    ];
    for (const r of rows) {
        const base = r.baseline === null ? '–' : `${num(r.baseline)} (${r.baselineName})`;
        lines.push(`| ${r.name} | ${num(r.value)} | ${base} | ${r.unit} | ${num(r.ratio)} | ${r.target} | ${verdict(r.pass)} | ${r.note ?? ''} |`);
    }
    return lines.join('\n');
}
