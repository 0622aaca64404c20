// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 19 point 3 through the real stack: "Send as PDF to the thread". The sidecar converts the
// document's current revision with the Collabora stand-in's /cool/convert-to (which answers as
// coolwsd does, net.post_allow included) and posts the PDF as a reply by the user who asked.

import {waitFor} from '../stack/mm_client';
import {clientAs, requirePlugin} from '../stack/stack';

import {createChannel, createTeamUser, downloadFile, fileInfo, fixture, postAttachment, seededUser, threadReplies, type MmPost, type PostedFile, type TestChannel, type TestUser} from './helpers/mm_world';
import {getRights, putPolicy, startWopiWorld, type ApiAnswer, type WopiWorld} from './helpers/wopi_world';

interface PdfJob {
    jobId: string;
    fileId: string;
    state: 'queued' | 'converting' | 'posting' | 'done' | 'failed' | 'cancelled';
    pdfName: string;
    sentBytes: number;
    totalBytes: number;
    receivedBytes: number;
    code?: string;
    reason?: string;
    postId?: string;
}

const api = (path: string): string => `/plugins/${requirePlugin().id}/api/v1${path}`;

async function answer<T>(res: Response): Promise<ApiAnswer<T>> {
    const text = await res.text();
    return {status: res.status, body: (text ? JSON.parse(text) : null) as T};
}

const startExport = async (user: TestUser, fileId: string): Promise<ApiAnswer<PdfJob>> => answer<PdfJob>(await user.client.fetch('POST', api(`/files/${fileId}/export-pdf`), {body: {}}));
const getJob = async (user: TestUser, jobId: string): Promise<ApiAnswer<PdfJob>> => answer<PdfJob>(await user.client.fetch('GET', api(`/pdf-exports/${jobId}`)));
const cancelJob = async (user: TestUser, jobId: string): Promise<ApiAnswer<PdfJob>> => answer<PdfJob>(await user.client.fetch('DELETE', api(`/pdf-exports/${jobId}`)));

async function mustStart(user: TestUser, fileId: string): Promise<PdfJob> {
    const started = await startExport(user, fileId);
    if (started.status !== 202) {
        throw new Error(`export as ${user.username} answered ${started.status}: ${JSON.stringify(started.body)}`);
    }
    return started.body;
}

async function finished(user: TestUser, jobId: string): Promise<PdfJob> {
    return waitFor(`export ${jobId} to end`, async () => {
        const job = (await getJob(user, jobId)).body;
        return ['done', 'failed', 'cancelled'].includes(job.state) ? job : undefined;
    }, 30_000, 200);
}

// The replies that carry an exported PDF.
async function pdfReplies(doc: PostedFile): Promise<MmPost[]> {
    return (await threadReplies(clientAs('admin'), doc.postId)).filter((p) => p.props?.collabora_pdf_export !== undefined);
}

async function setFileSharing(enabled: boolean): Promise<void> {
    const admin = clientAs('admin');
    const config = await admin.request<{FileSettings: {EnableFileAttachments: boolean}}>('GET', '/api/v4/config');
    config.FileSettings.EnableFileAttachments = enabled;
    await admin.request('PUT', '/api/v4/config', {body: config});
}

describe('Send as PDF to the thread', () => {
    let world: WopiWorld;
    let channel: TestChannel;
    let owner: TestUser;
    let member: TestUser;
    let outsider: TestUser;
    const sample = fixture('sample.docx');

    beforeAll(async () => {
        world = await startWopiWorld();
        [owner, member, outsider] = await Promise.all([createTeamUser('pdf-owner'), createTeamUser('pdf-member'), createTeamUser('pdf-outsider')]);
        channel = await createChannel(clientAs('admin'), 'P', [owner, member]);
    });
    afterAll(async () => {
        await world?.close();
    });
    beforeEach(() => {
        Object.assign(world.standIn.convertTo, {mode: 'convert', delayMs: 0});
        world.standIn.convertTo.postAllow = ['127\\.0\\.0\\.1', '::ffff:127\\.0\\.0\\.1', '::1'];
        world.standIn.conversions.length = 0;
    });

    it('posts the PDF in the thread as the member who asked, with a real PDF of the current revision attached', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        const started = await mustStart(member, doc.fileId);
        expect(started).toMatchObject({fileId: doc.fileId, pdfName: 'sample.pdf', totalBytes: sample.length});
        const job = await finished(member, started.jobId);
        expect(job).toMatchObject({state: 'done', sentBytes: sample.length, postId: expect.any(String)});
        // A finished export cannot be cancelled any more.
        expect(await cancelJob(member, job.jobId)).toEqual({status: 409, body: {error: expect.any(String), code: 'EXPORT_NOT_CANCELLABLE'}});

        const replies = await pdfReplies(doc);
        expect(replies).toHaveLength(1);
        const reply = replies[0];
        expect(reply).toMatchObject({id: job.postId, user_id: member.id, root_id: doc.postId, message: expect.stringContaining('`sample.docx`')});
        expect(reply.file_ids).toHaveLength(1);
        const info = await fileInfo(member.client, reply.file_ids![0]);
        expect(info).toMatchObject({name: 'sample.pdf', post_id: reply.id, channel_id: channel.id});
        // Downloaded through Mattermost's own file API, as any channel member would.
        const pdf = await downloadFile(owner.client, reply.file_ids![0]);
        expect(pdf.status).toBe(200);
        expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.bytes.toString('latin1')).toContain(`Size: ${sample.length} bytes`);
        expect(pdf.bytes.toString('latin1')).toContain('Document: sample.docx');
        // Collabora got the bytes as its conversion API wants them.
        expect(world.standIn.conversions).toEqual([expect.objectContaining({fieldName: 'data', fileName: 'sample.docx', format: 'pdf', size: sample.length, chunked: false, outcome: 'converted', remoteAddress: expect.stringMatching(/127\.0\.0\.1|::1/)})]);
    });

    it('lets a member who may only view the document export it', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        expect((await putPolicy(owner, doc.fileId, 'view_only')).status).toBe(200);
        expect((await getRights(member, doc.fileId)).body).toMatchObject({canView: true, canEdit: false});
        const job = await finished(member, (await mustStart(member, doc.fileId)).jobId);
        expect(job.state).toBe('done');
        expect((await pdfReplies(doc)).map((p) => p.user_id)).toEqual([member.id]);
    });

    it('refuses someone outside the channel as for an unknown file, and shows nobody else\'s export', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        const refused = await startExport(outsider, doc.fileId);
        expect(refused).toEqual({status: 404, body: {error: expect.any(String), code: 'FILE_NOT_FOUND'}});
        expect(world.standIn.conversions).toEqual([]);

        const job = await mustStart(member, doc.fileId);
        expect((await getJob(outsider, job.jobId)).status).toBe(404);
        expect((await cancelJob(owner, job.jobId)).status).toBe(404);
        await finished(member, job.jobId);
        expect((await pdfReplies(doc)).map((p) => p.user_id)).toEqual([member.id]);
    });

    it('lets nobody export while Mattermost\'s file sharing is off, not even the owner or a system admin', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        const admin = seededUser('admin');
        await setFileSharing(false);
        try {
            await waitFor('the sidecar to read the file sharing switch', async () => ((await startExport(owner, doc.fileId)).status === 403 ? true : undefined), 15_000, 200);
            for (const user of [owner, member, admin]) {
                expect(await startExport(user, doc.fileId)).toEqual({status: 403, body: {error: expect.stringMatching(/turned off/), code: 'DOWNLOADS_DISABLED'}});
            }
        } finally {
            await setFileSharing(true);
        }
        expect(world.standIn.conversions).toEqual([]);
        expect(await pdfReplies(doc)).toEqual([]);
        const again = await waitFor('exports to be allowed again', async () => {
            const started = await startExport(owner, doc.fileId);
            return started.status === 202 ? started.body : undefined;
        }, 15_000, 200);
        expect((await finished(owner, again.jobId)).state).toBe('done');
    });

    it('says why a conversion failed and posts nothing', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        world.standIn.convertTo.mode = 'fail';
        const failed = await finished(member, (await mustStart(member, doc.fileId)).jobId);
        expect(failed).toMatchObject({state: 'failed', code: 'CONVERSION_FAILED', reason: expect.stringMatching(/could not load or convert the document/)});
        expect(failed.postId).toBeUndefined();
        expect(world.standIn.conversions.map((c) => c.outcome)).toEqual(['failed']);
        expect(await pdfReplies(doc)).toEqual([]);

        // A later export of the same document starts afresh.
        world.standIn.convertTo.mode = 'convert';
        expect((await finished(member, (await mustStart(member, doc.fileId)).jobId)).state).toBe('done');
    });

    it('explains net.post_allow when Collabora refuses the Mattermost server, and posts nothing', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        world.standIn.convertTo.postAllow = ['10\\.9\\.9\\.9'];
        const failed = await finished(member, (await mustStart(member, doc.fileId)).jobId);
        expect(failed).toMatchObject({state: 'failed', code: 'CONVERSION_NOT_ALLOWED', reason: expect.stringMatching(/net\.post_allow/)});
        expect(world.standIn.conversions.map((c) => c.outcome)).toEqual(['refused']);
        expect(await pdfReplies(doc)).toEqual([]);

        // The System Console's check names the same cause.
        const check = await clientAs('admin').request<{results: Array<{id: string; ok: boolean; detail: string; fix?: string}>}>('POST', api('/admin/check'), {body: {}});
        expect(check.results.find((r) => r.id === 'convert')).toMatchObject({ok: false, detail: expect.stringMatching(/net\.post_allow/), fix: expect.stringMatching(/coolwsd\.xml/)});
    });

    it('cancels a slow conversion: Collabora\'s request is dropped and nothing is posted', async () => {
        const doc = await postAttachment(owner, channel.id, 'sample.docx', sample);
        world.standIn.convertTo.delayMs = 4_000;
        const started = await mustStart(member, doc.fileId);
        // A second click joins the running export instead of converting twice.
        expect((await mustStart(member, doc.fileId)).jobId).toBe(started.jobId);
        await waitFor('the document to reach Collabora', async () => (world.standIn.conversions.length === 0 && (await getJob(member, started.jobId)).body.sentBytes === sample.length ? true : undefined), 10_000, 100);
        const cancelled = await cancelJob(member, started.jobId);
        expect(cancelled).toEqual({status: 200, body: expect.objectContaining({state: 'cancelled'})});
        await waitFor('Collabora to see the request dropped', async () => (world.standIn.conversions.length > 0 ? true : undefined), 10_000, 100);
        expect(world.standIn.conversions.map((c) => c.outcome)).toEqual(['abandoned']);
        // Well past the conversion's end: still cancelled, still no reply.
        await new Promise((r) => setTimeout(r, 4_500));
        expect((await getJob(member, started.jobId)).body.state).toBe('cancelled');
        expect(await pdfReplies(doc)).toEqual([]);
        // Cancelling again changes nothing.
        expect(await cancelJob(member, started.jobId)).toEqual({status: 200, body: expect.objectContaining({state: 'cancelled'})});
    });
});
