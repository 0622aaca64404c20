// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {PdfExporter} from '../export/pdf_exporter';
import {HEARTBEAT_MS, LAPSE_MS, type PdfJob} from '../export/pdf_job';
import {pdfJobKey} from '../export/pdf_job_store';

import {ApiHarness} from './testing/api_harness';

// The export routes and runner against the in-memory Plugin API and the Collabora stand-in.
describe('PDF export jobs', () => {
    let h: ApiHarness;
    afterEach(async () => h.stop());

    async function world() {
        h = await ApiHarness.start();
        const channel = h.addChannel('O');
        const owner = h.addUser('owner');
        const member = h.addUser('member');
        h.join(owner, channel);
        h.join(member, channel);
        const fileId = await h.postFile(owner, channel, 'plan.docx', Buffer.from('the plan, 23 bytes long'));
        return {channel, owner, member, fileId};
    }

    const job = async (user: Parameters<ApiHarness['request']>[0], jobId: string): Promise<PdfJob> => (await h.request(user, 'GET', `/api/v1/pdf-exports/${jobId}`)).json();
    async function ended(user: Parameters<ApiHarness['request']>[0], jobId: string): Promise<PdfJob> {
        for (let i = 0; i < 200; i++) {
            const current = await job(user, jobId);
            if (['done', 'failed', 'cancelled'].includes(current.state)) {
                return current;
            }
            await new Promise((r) => setTimeout(r, 25));
        }
        throw new Error('the export did not end');
    }
    const pdfPosts = () => [...h.api.posts.values()].filter((p) => p.props?.collabora_pdf_export !== undefined);

    it('converts and replies in the thread as the user who asked, with the PDF attached', async () => {
        const {member, fileId} = await world();
        const res = await h.request(member, 'POST', `/api/v1/files/${fileId}/export-pdf`, {});
        expect(res.statusCode).toBe(202);
        const done = await ended(member, res.json().jobId);
        expect(done).toMatchObject({state: 'done', totalBytes: 23, sentBytes: 23, pdfName: 'plan.pdf'});
        const [post] = pdfPosts();
        expect(post).toMatchObject({id: done.postId, user_id: member.id, root_id: expect.any(String)});
        const pdf = h.api.files.get(post.file_ids![0])!;
        expect(pdf.info).toMatchObject({name: 'plan.pdf', user_id: member.id});
        expect(pdf.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.data.toString('latin1')).toContain('Size: 23 bytes');
    });

    it('stops on a cancel recorded by another node, which it reads at its next heartbeat', async () => {
        const {member, fileId} = await world();
        h.standIn!.convertTo.delayMs = 20_000;
        const started = (await h.request(member, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).json() as PdfJob;
        await new Promise((r) => setTimeout(r, 300));
        // Another node: its own runner over the same KV store, which does not run this job.
        const otherNode = new PdfExporter(h.state, h.services.documents, () => h.clock);
        expect((await otherNode.cancel(started.jobId))?.state).toBe('cancelled');
        const deadline = Date.now() + HEARTBEAT_MS + 3_000;
        while (!h.standIn!.conversions.some((c) => c.outcome === 'abandoned') && Date.now() < deadline) {
            await new Promise((r) => setTimeout(r, 50));
        }
        expect(h.standIn!.conversions.map((c) => c.outcome)).toEqual(['abandoned']);
        expect((await job(member, started.jobId)).state).toBe('cancelled');
        expect(pdfPosts()).toEqual([]);
    }, 15_000);

    it('reports an export whose node went silent as interrupted, and lets a new one start', async () => {
        const {member, fileId} = await world();
        h.standIn!.convertTo.delayMs = 20_000;
        const first = (await h.request(member, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).json() as PdfJob;
        // The same click again joins the running export.
        expect((await h.request(member, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).json().jobId).toBe(first.jobId);
        expect((await h.request(member, 'DELETE', `/api/v1/pdf-exports/${first.jobId}`)).json().state).toBe('cancelled');

        // An export whose node died mid-conversion: its record stopped changing long ago, and
        // it is still the user's running export of the document.
        const dead = 'x'.repeat(26);
        const record = JSON.parse((await h.api.kvGet(pdfJobKey(first.jobId)))!.toString('utf8')) as PdfJob;
        await h.api.kvSetWithOptions(pdfJobKey(dead), Buffer.from(JSON.stringify({...record, jobId: dead, state: 'converting', updatedAt: h.clock - LAPSE_MS - 1})));
        await h.api.kvSetWithOptions(`pdfexport_active:${record.docId}:${member.id}`, Buffer.from(dead));
        expect(await job(member, dead)).toMatchObject({state: 'failed', code: 'INTERRUPTED', reason: expect.stringMatching(/restarted/)});
        const second = (await h.request(member, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).json() as PdfJob;
        expect(second.jobId).not.toBe(dead);
        expect((await h.request(member, 'DELETE', `/api/v1/pdf-exports/${second.jobId}`)).json().state).toBe('cancelled');
        expect(pdfPosts()).toEqual([]);
    });

    it('refuses strangers as for an unknown file, and everyone when file sharing is off', async () => {
        const {owner, fileId} = await world();
        const stranger = h.addUser('stranger');
        expect((await h.request(stranger, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).json()).toMatchObject({code: 'FILE_NOT_FOUND'});
        h.api.config = {...h.api.config, FileSettings: {MaxFileSize: 1000, EnableFileAttachments: false}};
        const refused = await h.request(owner, 'POST', `/api/v1/files/${fileId}/export-pdf`, {});
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({code: 'DOWNLOADS_DISABLED'});
        // As the plugin RPC delivers a false *bool: null.
        h.api.config = {...h.api.config, FileSettings: {MaxFileSize: 1000, EnableFileAttachments: null}};
        expect((await h.request(owner, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).statusCode).toBe(403);
        expect(h.standIn!.conversions).toEqual([]);
        expect((await h.request(null, 'POST', `/api/v1/files/${fileId}/export-pdf`, {})).statusCode).toBe(401);
    });
});
