// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 19 point 3: "Send as PDF to the thread" from the attachment menu and from the editor. The
// Collabora stand-in answers /cool/convert-to as coolwsd does (e2e/collabora/convert_to_stand_in.ts).

import {waitFor} from '../../stack/mm_client';
import {clientAs} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

type Post = {id: string; user_id: string; root_id: string; message: string; file_ids?: string[]; props?: Record<string, unknown>};

describe('send as PDF to the thread', () => {
    let env: BrowserEnv;
    let member: HostPage;

    beforeAll(async () => {
        env = await startBrowserEnv();
        member = await HostPage.open(env, 'member');
    });
    afterAll(async () => {
        await member?.close();
        await env?.close();
    });

    const file = () => env.stack.files['public/sample.docx'];
    const pdfReplies = async (): Promise<Post[]> => {
        const thread = await clientAs('member').request<{posts: Record<string, Post>}>('GET', `/api/v4/posts/${file().post_id}/thread`);
        return Object.values(thread.posts).filter((p) => p.props?.collabora_pdf_export !== undefined);
    };

    it('19a. from the attachment menu: the PDF appears in the document\'s thread, posted by the member', async () => {
        await member.gotoChannel('office-public');
        await member.fileMenu(member.attachment(file().id), 'Send as PDF to the thread');
        const card = member.byTestId(`collabora-pdf-export-${file().id}`);
        await card.getByText('The PDF is in the thread.').waitFor();
        // The reply arrives over the WebSocket like any post, with its attachment.
        const pdf = member.attachmentNamed('sample.pdf');
        await pdf.waitFor();
        await pdf.scrollIntoViewIfNeeded();
        await member.screenshot('19a-pdf-in-thread');

        const replies = await pdfReplies();
        expect(replies).toHaveLength(1);
        expect(replies[0]).toMatchObject({user_id: env.stack.users.member.id, root_id: file().post_id, message: expect.stringContaining('`sample.docx`')});
        const res = await clientAs('member2').fetch('GET', `/api/v4/files/${replies[0].file_ids![0]}`);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(bytes.toString('latin1')).toContain('Document: sample.docx');
        await card.getByRole('button', {name: 'Dismiss'}).click();
        await card.waitFor({state: 'detached'});
    });

    it('19b. from the editor: progress while Collabora converts, Cancel posts nothing, a refusal says why', async () => {
        env.standIn.convertTo.delayMs = 8_000;
        await member.fileMenu(member.attachment(file().id), 'Edit in Collabora Online');
        await member.editor.waitFor();
        await member.editorFrame().hostReady.getByText('Host ready').waitFor();

        await member.byTestId('collabora-export-pdf').click();
        const card = member.byTestId(`collabora-pdf-export-${file().id}`);
        await card.getByText('Collabora Online is converting it…').waitFor({timeout: 10_000});
        expect(await member.byTestId('collabora-export-pdf').isDisabled()).toBe(true);
        await member.screenshot('19b-pdf-export-progress-in-editor');
        await card.getByRole('button', {name: 'Cancel'}).click();
        await card.getByText('Cancelled: nothing was posted.').waitFor();
        await waitFor('Collabora to see the conversion dropped', async () => (env.standIn.conversions.some((c) => c.outcome === 'abandoned') ? true : undefined), 10_000, 200);
        expect(await pdfReplies()).toHaveLength(1);
        await card.getByRole('button', {name: 'Dismiss'}).click();

        // Collabora refuses this Mattermost server: the reason names net.post_allow.
        env.standIn.convertTo.delayMs = 0;
        const allowed = env.standIn.convertTo.postAllow;
        env.standIn.convertTo.postAllow = ['10\\.9\\.9\\.9'];
        try {
            await member.byTestId('collabora-export-pdf').click();
            await card.getByText(/net\.post_allow/).waitFor();
            await member.screenshot('19c-pdf-export-refused-in-editor');
        } finally {
            env.standIn.convertTo.postAllow = allowed;
        }
        expect(await pdfReplies()).toHaveLength(1);
        await member.byTestId('collabora-editor-close').click();
        await member.editor.waitFor({state: 'detached'});
    });
});
