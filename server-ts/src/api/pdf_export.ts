// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import type {PdfJob} from '../export/pdf_job';
import type {Services} from '../services';

import {ApiError, conflict, forbidden} from './api_error';
import {sessionUser} from './request_input';
import {visibleDocument} from './visible_document';

// "Send as PDF to the thread": POST starts an export and answers its job, GET reports it,
// DELETE cancels it. Anyone who may view the document may export it, unless Mattermost's file
// sharing ("Allow file sharing", EnableFileAttachments) is off: then nobody may, as nobody may
// download; runtime/server_config.ts reads the switch.

export interface PdfJobView {
    jobId: string;
    fileId: string;
    state: PdfJob['state'];
    pdfName: string;
    sentBytes: number;
    totalBytes: number;
    receivedBytes: number;
    code?: string;
    reason?: string;
    postId?: string;
}

const view = (job: PdfJob): PdfJobView => ({
    jobId: job.jobId, fileId: job.fileId, state: job.state, pdfName: job.pdfName,
    sentBytes: job.sentBytes, totalBytes: job.totalBytes, receivedBytes: job.receivedBytes,
    ...(job.code ? {code: job.code} : {}), ...(job.reason ? {reason: job.reason} : {}), ...(job.postId ? {postId: job.postId} : {}),
});

const jobNotFound = (): ApiError => new ApiError(404, 'EXPORT_NOT_FOUND', 'This export does not exist, or it is not yours.');

export const downloadsDisabled = (): ApiError => forbidden('DOWNLOADS_DISABLED', 'File sharing and downloads are turned off in Mattermost, so documents cannot be exported.');

// Only the user who asked sees and cancels an export.
async function ownJob(services: Services, userId: string, jobId: string): Promise<PdfJob> {
    const job = await services.pdfExports.jobs.get(jobId);
    if (!job || job.userId !== userId) {
        throw jobNotFound();
    }
    return job;
}

type JobParams = {Params: {jobId: string}};

export function registerPdfExportRoutes(app: FastifyInstance, services: Services): void {
    app.post<{Params: {fileId: string}}>('/api/v1/files/:fileId/export-pdf', async (request, reply) => {
        const userId = sessionUser(request);
        const {doc} = await visibleDocument(services, userId, request.params.fileId);
        // Read now: the switch may have changed on another node, or just now.
        await services.state.refreshServerConfig();
        if (!services.state.serverConfig.fileAttachmentsEnabled) {
            throw downloadsDisabled();
        }
        const job = await services.pdfExports.start(userId, doc);
        return reply.code(202).send(view(job));
    });

    app.get<JobParams>('/api/v1/pdf-exports/:jobId', async (request) => view(await ownJob(services, sessionUser(request), request.params.jobId)));

    app.delete<JobParams>('/api/v1/pdf-exports/:jobId', async (request) => {
        const job = await ownJob(services, sessionUser(request), request.params.jobId);
        const after = await services.pdfExports.cancel(job.jobId);
        if (!after) {
            throw jobNotFound();
        }
        if (after.state !== 'cancelled') {
            throw conflict('EXPORT_NOT_CANCELLABLE', after.state === 'posting' ? 'The PDF is already being posted.' : 'The export has already ended.');
        }
        return view(after);
    });
}
