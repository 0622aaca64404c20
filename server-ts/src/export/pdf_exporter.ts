// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';
import {createReadStream} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

import {ConversionError, convertDocument} from '../collabora/convert_to';
import type {DocumentRecord} from '../documents/document_record';
import type {DocumentStore} from '../documents/document_store';
import {summaryName} from '../documents/summary_name';
import {MattermostError} from '../mattermost/plugin_api';
import type {PluginState} from '../runtime/plugin_state';

import {HEARTBEAT_MS, isTerminal, newPdfJob, pdfNameOf, type PdfFailure, type PdfJob, type PdfJobEvent} from './pdf_job';
import {PdfJobStore} from './pdf_job_store';

export const PDF_EXPORT_PROP = 'collabora_pdf_export';

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const newJobId = (): string => [...randomBytes(26)].map((b) => ID_ALPHABET[b % 32]).join('');

// PdfExporter runs "Send as PDF to the thread": Collabora converts the document's current
// revision, and the PDF is posted as a reply in the document's thread by the user who asked.
// The job's record in the KV store is the truth (pdf_job.ts); this node only runs it, checks
// the record at every heartbeat, and stops when another node recorded a cancel.
export class PdfExporter {
    readonly jobs: PdfJobStore;
    // Jobs this node runs, to abort at once when the cancel arrives here.
    private readonly running = new Map<string, AbortController>();

    constructor(private readonly state: PluginState, private readonly documents: DocumentStore, private readonly now: () => number) {
        this.jobs = new PdfJobStore(state.api, now);
    }

    // start records a job for the user's export of the document and runs it in the background;
    // a second request while one runs answers the running one.
    async start(userId: string, doc: DocumentRecord): Promise<PdfJob> {
        const info = await this.state.api.getFileInfo(doc.currentFileId);
        const job = newPdfJob({
            jobId: newJobId(), docId: doc.docId, fileId: doc.currentFileId, userId, channelId: doc.channelId,
            documentName: doc.name, pdfName: pdfNameOf(doc.name), totalBytes: info.size,
        }, this.now());
        const {job: current, created} = await this.jobs.create(job);
        if (created) {
            void this.run(current).catch((err: unknown) => this.state.log.error('PDF export failed unexpectedly', {job_id: job.jobId, error: err instanceof Error ? err.message : String(err)}));
        }
        return current;
    }

    // cancel records the cancel (any node reads it at its next heartbeat) and aborts at once if
    // this node runs the job. Answers the job as it is now.
    async cancel(jobId: string): Promise<PdfJob | null> {
        const t = await this.jobs.apply(jobId, {type: 'cancel'});
        if (t?.applied) {
            this.running.get(jobId)?.abort();
        }
        return t ? t.job : null;
    }

    private async send(jobId: string, event: PdfJobEvent): Promise<PdfJob | null> {
        return (await this.jobs.apply(jobId, event))?.job ?? null;
    }

    private async fail(jobId: string, code: PdfFailure, reason: string): Promise<void> {
        this.state.log.warn('PDF export failed', {job_id: jobId, code, reason});
        await this.send(jobId, {type: 'fail', code, reason});
    }

    private async run(job: PdfJob): Promise<void> {
        const started = await this.send(job.jobId, {type: 'start'});
        if (started?.state !== 'converting') {
            return;
        }
        const abort = new AbortController();
        this.running.set(job.jobId, abort);
        const dir = await mkdtemp(path.join(tmpdir(), 'collabora-pdf-'));
        const destination = path.join(dir, 'export.pdf');
        let sent = 0;
        let received = 0;
        // The heartbeat: progress for the webapp, proof of life for other nodes, and the cancel
        // recorded by another node reaching this one.
        const heartbeat = setInterval(() => {
            this.send(job.jobId, {type: 'progress', sentBytes: sent, receivedBytes: received}).then((current) => {
                if (!current || current.state === 'cancelled') {
                    abort.abort();
                }
            }, () => undefined);
        }, HEARTBEAT_MS);
        try {
            const settings = this.state.settings;
            let size: number;
            try {
                size = (await convertDocument({
                    baseUrl: settings.collaboraInternalUrl || settings.collaboraUrl,
                    skipTlsVerify: settings.skipTlsVerify,
                    format: 'pdf',
                    fileName: job.documentName,
                    size: job.totalBytes,
                    body: this.state.api.getFile(job.fileId),
                    destination,
                    maxBytes: this.state.serverConfig.maxFileSize,
                    timeoutMs: settings.convertTimeoutSeconds * 1000,
                    signal: abort.signal,
                    onSent: (n) => { sent = n; },
                    onReceived: (n) => { received = n; },
                })).size;
            } catch (err) {
                if (!(err instanceof ConversionError)) {
                    throw err;
                }
                if (err.code !== 'CANCELLED') {
                    await this.fail(job.jobId, err.code, err.message);
                }
                return;
            }
            // From here on the export cannot be cancelled: the reply is posted or the job fails.
            const posting = await this.send(job.jobId, {type: 'converted', receivedBytes: size});
            if (posting?.state !== 'posting') {
                return;
            }
            await this.post(posting, destination, size);
        } catch (err) {
            await this.fail(job.jobId, 'POST_FAILED', err instanceof MattermostError ? `Mattermost refused the reply: ${err.message}` : 'The PDF could not be posted. Please try again, or ask your system admin to check the server log.');
            this.state.log.error('PDF export could not be posted', {job_id: job.jobId, error: err instanceof Error ? err.message : String(err)});
        } finally {
            clearInterval(heartbeat);
            this.running.delete(job.jobId);
            await rm(dir, {recursive: true, force: true});
        }
    }

    // post uploads the PDF as the user and replies with it in the document's thread, after
    // checking again what may have changed during the conversion.
    private async post(job: PdfJob, pdfPath: string, size: number): Promise<void> {
        await this.state.refreshServerConfig();
        if (!this.state.serverConfig.fileAttachmentsEnabled) {
            await this.fail(job.jobId, 'DOWNLOADS_DISABLED', 'File sharing was turned off in Mattermost while the PDF was being made, so it was not posted.');
            return;
        }
        const doc = await this.documents.get(job.docId);
        if (!doc) {
            await this.fail(job.jobId, 'DOCUMENT_GONE', 'The document was deleted while the PDF was being made, so it was not posted.');
            return;
        }
        const root = await this.state.api.getPost(doc.postId);
        const info = await this.state.api.uploadData({userId: job.userId, channelId: doc.channelId, filename: job.pdfName, fileSize: size}, createReadStream(pdfPath));
        const post = await this.state.api.createPost({
            user_id: job.userId,
            channel_id: doc.channelId,
            root_id: root.root_id || root.id,
            message: `PDF of ${summaryName(job.documentName)}, exported with Collabora Online.`,
            file_ids: [info.id],
            props: {[PDF_EXPORT_PROP]: doc.docId, from_plugin: 'true'},
        });
        const done = await this.send(job.jobId, {type: 'posted', postId: post.id, pdfFileId: info.id});
        this.state.log.info('PDF export posted', {job_id: job.jobId, doc_id: doc.docId, post_id: post.id, state: done?.state ?? 'gone'});
    }

    // For tests and shutdown: whether this node still runs any export.
    get busy(): boolean {
        return this.running.size > 0;
    }

    static isFinished(job: PdfJob): boolean {
        return isTerminal(job.state);
    }
}
