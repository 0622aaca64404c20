// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {applyPdfJobEvent, isTerminal, LAPSE_MS, newPdfJob, observedPdfJob, pdfNameOf, type PdfJob, type PdfJobEvent, type PdfJobState} from './pdf_job';

const T0 = 1_000_000;
const job = (state: PdfJobState = 'queued', fields: Partial<PdfJob> = {}): PdfJob => ({
    ...newPdfJob({jobId: 'j'.repeat(26), docId: 'd'.repeat(26), fileId: 'f'.repeat(26), userId: 'u'.repeat(26), channelId: 'c'.repeat(26), documentName: 'Plan.docx', pdfName: 'Plan.pdf', totalBytes: 1000}, T0),
    state, ...fields,
});

const ALL_STATES: PdfJobState[] = ['queued', 'converting', 'posting', 'done', 'failed', 'cancelled'];
const EVENTS: PdfJobEvent[] = [
    {type: 'start'},
    {type: 'progress', sentBytes: 10},
    {type: 'converted', receivedBytes: 99},
    {type: 'posted', postId: 'p', pdfFileId: 'q'},
    {type: 'fail', code: 'CONVERSION_FAILED', reason: 'why'},
    {type: 'cancel'},
];

// The whole table: which event moves which state where (null: not applied).
const EXPECTED: Record<PdfJobState, Record<PdfJobEvent['type'], PdfJobState | null>> = {
    queued: {start: 'converting', progress: null, converted: null, posted: null, fail: 'failed', cancel: 'cancelled'},
    converting: {start: null, progress: 'converting', converted: 'posting', posted: null, fail: 'failed', cancel: 'cancelled'},
    posting: {start: null, progress: 'posting', converted: null, posted: 'done', fail: 'failed', cancel: null},
    done: {start: null, progress: null, converted: null, posted: null, fail: null, cancel: null},
    failed: {start: null, progress: null, converted: null, posted: null, fail: null, cancel: null},
    cancelled: {start: null, progress: null, converted: null, posted: null, fail: null, cancel: null},
};

describe('PDF export job state machine', () => {
    it.each(ALL_STATES)('from %s, every event goes where the table says', (state) => {
        for (const event of EVENTS) {
            const before = job(state);
            const t = applyPdfJobEvent(before, event, T0 + 5);
            const expected = EXPECTED[state][event.type];
            expect({event: event.type, to: t.applied ? t.job.state : null}).toEqual({event: event.type, to: expected});
            if (!t.applied) {
                expect(t.job).toBe(before);
            } else {
                expect(t.job.updatedAt).toBe(T0 + 5);
            }
        }
    });

    it('ends only in done, failed or cancelled', () => {
        expect(ALL_STATES.filter(isTerminal)).toEqual(['done', 'failed', 'cancelled']);
    });

    it('keeps the reason of a failure and the reply of a success', () => {
        expect(applyPdfJobEvent(job('converting'), {type: 'fail', code: 'CONVERSION_NOT_ALLOWED', reason: 'net.post_allow'}, T0).job).toMatchObject({state: 'failed', code: 'CONVERSION_NOT_ALLOWED', reason: 'net.post_allow'});
        expect(applyPdfJobEvent(job('posting'), {type: 'posted', postId: 'p1', pdfFileId: 'f1'}, T0).job).toMatchObject({state: 'done', postId: 'p1', pdfFileId: 'f1'});
    });

    it('counts progress forward only, and never past the document size', () => {
        let j = job('converting');
        j = applyPdfJobEvent(j, {type: 'progress', sentBytes: 600}, T0).job;
        j = applyPdfJobEvent(j, {type: 'progress', sentBytes: 200}, T0).job;
        expect(j.sentBytes).toBe(600);
        j = applyPdfJobEvent(j, {type: 'progress', sentBytes: 5000, receivedBytes: 40}, T0).job;
        expect(j).toMatchObject({sentBytes: 1000, receivedBytes: 40});
        j = applyPdfJobEvent(j, {type: 'converted', receivedBytes: 70}, T0).job;
        expect(j).toMatchObject({state: 'posting', sentBytes: 1000, receivedBytes: 70});
    });

    it('reports a running job whose heartbeat stopped as interrupted, and leaves finished ones alone', () => {
        const running = job('converting', {updatedAt: T0});
        expect(observedPdfJob(running, T0 + LAPSE_MS)).toBe(running);
        expect(observedPdfJob(running, T0 + LAPSE_MS + 1)).toMatchObject({state: 'failed', code: 'INTERRUPTED', reason: expect.stringMatching(/try again/)});
        const done = job('done', {updatedAt: T0});
        expect(observedPdfJob(done, T0 + 10 * LAPSE_MS)).toBe(done);
    });

    it('names the PDF after the document', () => {
        expect(pdfNameOf('Budget 2027.xlsx')).toBe('Budget 2027.pdf');
        expect(pdfNameOf('notes')).toBe('notes.pdf');
        expect(pdfNameOf('.hidden')).toBe('.hidden.pdf');
        expect(pdfNameOf('a.b.odt')).toBe('a.b.pdf');
    });
});
