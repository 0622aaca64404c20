// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A PDF export ("Send as PDF to the thread") as a record in the KV store, so that any node can
// report it and cancel it while the node that runs it converts. The transitions are pure: the
// store applies them by compare-and-set, the runner and the routes only send events.
//
//   queued -> converting -> posting -> done
//      \          \            \
//       +----------+------------+--> failed (with a reason)
//       +----------+--> cancelled (nothing is posted)
//
// Once the PDF is being posted, cancelling is refused: the upload and the reply happen together.

export type PdfJobState = 'queued' | 'converting' | 'posting' | 'done' | 'failed' | 'cancelled';

// Why an export failed; the webapp shows `reason`, tests and logs read the code.
export type PdfFailure =
    | 'COLLABORA_UNREACHABLE'
    | 'CONVERSION_NOT_ALLOWED'
    | 'CONVERSION_FAILED'
    | 'CONVERSION_TIMEOUT'
    | 'PDF_TOO_LARGE'
    | 'DOWNLOADS_DISABLED'
    | 'DOCUMENT_GONE'
    | 'POST_FAILED'
    | 'INTERRUPTED';

export interface PdfJob {
    jobId: string;
    docId: string;
    // The revision converted (the document's current one when the export started).
    fileId: string;
    userId: string;
    channelId: string;
    // The document's name, and the name the PDF gets.
    documentName: string;
    pdfName: string;
    state: PdfJobState;
    // Bytes of the document sent to Collabora (of totalBytes), then bytes of PDF received.
    sentBytes: number;
    totalBytes: number;
    receivedBytes: number;
    code?: PdfFailure;
    reason?: string;
    // The reply that carries the PDF, once posted.
    postId?: string;
    pdfFileId?: string;
    createdAt: number;
    // Written at every event and every few seconds while the job runs (the heartbeat).
    updatedAt: number;
}

export type PdfJobEvent =
    | {type: 'start'}
    | {type: 'progress'; sentBytes?: number; receivedBytes?: number}
    | {type: 'converted'; receivedBytes: number}
    | {type: 'posted'; postId: string; pdfFileId: string}
    | {type: 'fail'; code: PdfFailure; reason: string}
    | {type: 'cancel'};

export interface Transition {
    job: PdfJob;
    // False when the event does not apply in the job's state; the job is then unchanged.
    applied: boolean;
}

const TERMINAL: readonly PdfJobState[] = ['done', 'failed', 'cancelled'];
export const isTerminal = (state: PdfJobState): boolean => TERMINAL.includes(state);

// A running job writes its heartbeat every HEARTBEAT_MS; one silent for LAPSE_MS lost its node
// (a crash, a restart) and is reported as failed.
export const HEARTBEAT_MS = 2_000;
export const LAPSE_MS = 30_000;

export function newPdfJob(fields: Omit<PdfJob, 'state' | 'sentBytes' | 'receivedBytes' | 'createdAt' | 'updatedAt'>, now: number): PdfJob {
    return {...fields, state: 'queued', sentBytes: 0, receivedBytes: 0, createdAt: now, updatedAt: now};
}

// pdfNameOf: "Budget.xlsx" -> "Budget.pdf"; a name without an extension gets ".pdf" added.
export function pdfNameOf(documentName: string): string {
    const dot = documentName.lastIndexOf('.');
    const base = dot > 0 ? documentName.slice(0, dot) : documentName;
    return `${base}.pdf`;
}

export function applyPdfJobEvent(job: PdfJob, event: PdfJobEvent, now: number): Transition {
    const unchanged: Transition = {job, applied: false};
    const to = (fields: Partial<PdfJob>): Transition => ({job: {...job, ...fields, updatedAt: now}, applied: true});
    if (isTerminal(job.state)) {
        return unchanged;
    }
    switch (event.type) {
    case 'start':
        return job.state === 'queued' ? to({state: 'converting'}) : unchanged;
    case 'progress':
        if (job.state !== 'converting' && job.state !== 'posting') {
            return unchanged;
        }
        return to({
            sentBytes: Math.min(job.totalBytes, Math.max(job.sentBytes, event.sentBytes ?? 0)),
            receivedBytes: Math.max(job.receivedBytes, event.receivedBytes ?? 0),
        });
    case 'converted':
        return job.state === 'converting' ? to({state: 'posting', sentBytes: job.totalBytes, receivedBytes: event.receivedBytes}) : unchanged;
    case 'posted':
        return job.state === 'posting' ? to({state: 'done', postId: event.postId, pdfFileId: event.pdfFileId}) : unchanged;
    case 'fail':
        return to({state: 'failed', code: event.code, reason: event.reason});
    case 'cancel':
        return job.state === 'queued' || job.state === 'converting' ? to({state: 'cancelled'}) : unchanged;
    }
}

// The job as a reader should see it: a running job whose heartbeat stopped is failed.
export function observedPdfJob(job: PdfJob, now: number): PdfJob {
    if (!isTerminal(job.state) && now - job.updatedAt > LAPSE_MS) {
        return {...job, state: 'failed', code: 'INTERRUPTED', reason: 'The export stopped: the Mattermost server that ran it restarted or lost its connection. Please try again.'};
    }
    return job;
}
