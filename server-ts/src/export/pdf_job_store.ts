// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvGetJson, kvUpdateJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

import {applyPdfJobEvent, isTerminal, observedPdfJob, type PdfJob, type PdfJobEvent, type Transition} from './pdf_job';

// Export records live a day: long enough for the webapp to show how an export ended.
const RECORD_TTL_SECONDS = 24 * 60 * 60;

export const pdfJobKey = (jobId: string): string => `pdfexport:${jobId}`;
// The running export of a document for a user, so a second click joins it instead of
// converting the same document twice.
export const activePdfJobKey = (docId: string, userId: string): string => `pdfexport_active:${docId}:${userId}`;

export class PdfJobStore {
    constructor(private readonly api: PluginApi, private readonly now: () => number) {}

    async get(jobId: string): Promise<PdfJob | null> {
        if (!/^[a-z0-9]{26}$/.test(jobId)) {
            return null;
        }
        const record = await kvGetJson<PdfJob>(this.api, pdfJobKey(jobId));
        return record ? observedPdfJob(record.value, this.now()) : null;
    }

    // create stores a new job unless the user already has one running for the document; it
    // answers the job that runs, and whether it is the new one.
    async create(job: PdfJob): Promise<{job: PdfJob; created: boolean}> {
        const activeKey = activePdfJobKey(job.docId, job.userId);
        const running = await this.api.kvGet(activeKey);
        if (running) {
            const existing = await this.get(running.toString('utf8'));
            if (existing && !isTerminal(existing.state)) {
                return {job: existing, created: false};
            }
        }
        // Compare-and-set on the marker: of two clicks at once, one wins and the other joins it.
        const claimed = await this.api.kvSetWithOptions(activeKey, Buffer.from(job.jobId), {atomic: {oldValue: running}, expireInSeconds: RECORD_TTL_SECONDS});
        if (!claimed) {
            const winner = await this.api.kvGet(activeKey);
            const existing = winner ? await this.get(winner.toString('utf8')) : null;
            if (existing) {
                return {job: existing, created: false};
            }
        }
        await this.api.kvSetWithOptions(pdfJobKey(job.jobId), Buffer.from(JSON.stringify(job)), {expireInSeconds: RECORD_TTL_SECONDS});
        return {job, created: true};
    }

    // apply sends one event to the job by compare-and-set; a job that is gone stays gone.
    async apply(jobId: string, event: PdfJobEvent): Promise<Transition | null> {
        const transition = await kvUpdateJson<PdfJob, Transition | null>(this.api, pdfJobKey(jobId), (current) => {
            if (!current) {
                return {next: undefined, result: null};
            }
            const t = applyPdfJobEvent(current, event, this.now());
            return {next: t.applied ? t.job : undefined, result: t};
        }, RECORD_TTL_SECONDS);
        if (transition?.applied && isTerminal(transition.job.state)) {
            await this.releaseActive(transition.job);
        }
        return transition;
    }

    private async releaseActive(job: PdfJob): Promise<void> {
        const key = activePdfJobKey(job.docId, job.userId);
        const current = await this.api.kvGet(key);
        if (current && current.toString('utf8') === job.jobId) {
            await this.api.kvSetWithOptions(key, null, {atomic: {oldValue: current}});
        }
    }
}
