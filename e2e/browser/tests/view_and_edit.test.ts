// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Scenarios 1 and 2: a member opens an .odt attachment (Collabora's viewer replaces Mattermost's
// preview, read-only), then edits it: full-screen editor, the document locked, another member sees
// who is editing, save and close, and the post carries the new revision with one edit summary.

import {CollaboraSession} from '../../collabora';
import type {EditorEvent} from '../../collabora';
import {waitFor} from '../../stack/mm_client';
import {clientAs} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

type Post = {id: string; file_ids?: string[]; root_id: string; props?: Record<string, unknown>; message: string};

const isWopi = (call: string, status?: number) => (e: EditorEvent) => e.type === 'wopi' && e.call === call && (status === undefined || e.status === status);

describe('viewing and editing an attachment', () => {
    let env: BrowserEnv;
    let member: HostPage;
    let member2: HostPage;

    beforeAll(async () => {
        env = await startBrowserEnv();
        member = await HostPage.open(env, 'member');
        member2 = await HostPage.open(env, 'member2');
    });
    afterAll(async () => {
        await member?.close();
        await member2?.close();
        await env?.close();
    });

    const file = () => env.stack.files['public/sample.odt'];

    it('1. shows the Collabora viewer instead of the default preview, read-only', async () => {
        await member.gotoChannel('office-public');
        await member.openPreview(file().id);
        await member.preview.waitFor();
        expect(await member.byTestId('host-default-preview').count()).toBe(0);

        const frame = member.previewFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await frame.fileName.textContent()).toBe('sample.odt');
        expect(await frame.mode.getAttribute('data-mode')).toBe('view');
        expect(await frame.lock.textContent()).toBe('not locked');
        await member.byTestId('collabora-edit').waitFor();
        await member.screenshot('01-viewer');

        // A view session reads the document and takes no lock.
        const calls = env.standIn.events.filter((e) => e.type === 'wopi').map((e) => e.type === 'wopi' && `${e.call} ${e.status}`);
        expect(calls).toEqual(expect.arrayContaining(['CheckFileInfo 200', 'GetFile 200']));
        expect(calls).not.toContain('Lock 200');
    });

    it('2. edits: locked, presence shown to others, saved, closed; the post carries the new revision', async () => {
        const postId = file().post_id;
        const originalFileId = file().id;
        await member2.gotoChannel('office-public');
        const from = env.standIn.events.length;

        await member.byTestId('collabora-edit').click();
        await member.editor.waitFor();
        expect(await member.previewModal.count()).toBe(0);
        const frame = member.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');
        expect(await frame.lock.textContent()).toBe('locked');
        expect(await member.byTestId('collabora-editor-title').textContent()).toBe('sample.odt');
        const locked = await env.standIn.waitForEvent(isWopi('Lock', 200), {from});

        // Locked for real: another Collabora session (member2's token, its own lock id) is refused.
        const other = await clientAs('member2').request<{actionUrl: string; accessToken: string; accessTokenTtl: number}>(
            'POST', `/plugins/${env.pluginId}/api/v1/files/${originalFileId}/open`, {body: {mode: 'edit'}});
        const intruder = new CollaboraSession({
            wopiSrc: new URL(other.actionUrl).searchParams.get('WOPISrc') ?? '',
            accessToken: other.accessToken, accessTokenTtl: other.accessTokenTtl, signer: env.standIn.signer,
        });
        const refused = await intruder.lock();
        expect(refused.status).toBe(409);
        expect(refused.headers['x-wopi-lock']).toMatch(/^cool-lock/);

        // member2, in the channel, sees who is editing under the post.
        const badge = member2.byTestId(`collabora-presence-${originalFileId}`);
        await badge.getByText('member is editing').waitFor({timeout: 20_000});
        await member2.screenshot('02a-presence-seen-by-another-member');

        await frame.type('Edited in the browser test. ');
        await frame.modified.getByText('Unsaved changes').waitFor();
        await frame.save();
        await frame.status.getByText(/^Saved \d+ bytes$/).waitFor();
        const put = await env.standIn.waitForEvent(isWopi('PutFile', 200), {from});
        await member.screenshot('02b-editor-saved');

        await member.byTestId('collabora-editor-close').click();
        await member.editor.waitFor({state: 'detached'});
        await env.standIn.waitForEvent(isWopi('Unlock', 200), {from});
        expect(locked.type === 'wopi' && put.type === 'wopi' && put.docKey === locked.docKey).toBe(true);
        const savedBytes = env.standIn.saved.get(put.type === 'wopi' ? put.docKey : '') ?? Buffer.alloc(0);
        expect(savedBytes.length).toBeGreaterThan(0);

        // The session ended: the post's attachment is the new revision, through the REST API.
        const rest = clientAs('member');
        const post = await waitFor('the post to carry the new revision', async () => {
            const p = await rest.request<Post>('GET', `/api/v4/posts/${postId}`);
            return p.file_ids?.includes(originalFileId) ? undefined : p;
        }, 20_000, 250);
        const fileIds = post.file_ids ?? [];
        const newFileId = fileIds.find((id) => !['public/sample.pptx', 'public/notes.txt'].map((k) => env.stack.files[k].id).includes(id)) ?? '';
        expect(fileIds).toHaveLength(3);
        const download = await rest.fetch('GET', `/api/v4/files/${newFileId}`);
        expect(download.status).toBe(200);
        expect(Buffer.from(await download.arrayBuffer()).equals(savedBytes)).toBe(true);
        const info = await rest.request<{name: string; size: number}>('GET', `/api/v4/files/${newFileId}/info`);
        expect(info).toMatchObject({name: 'sample.odt', size: savedBytes.length});

        // One edit summary in the thread for this document. The post's other files have their
        // own (close_guard.test.ts edits sample.pptx, and may run first).
        const thread = await waitFor('the edit summary reply', async () => {
            const t = await rest.request<{posts: Record<string, Post>}>('GET', `/api/v4/posts/${postId}/thread`);
            const replies = Object.values(t.posts).filter((p) => p.id !== postId && p.message.includes('`sample.odt`'));
            return replies.length > 0 ? replies : undefined;
        }, 20_000, 250);
        expect(thread).toHaveLength(1);
        expect(thread[0].props?.collabora_edit_summary).toBeTruthy();
        expect(thread[0].message).toContain('@member edited `sample.odt`');

        // Both browsers follow over the websocket: the new attachment and the reply appear.
        await member2.attachment(newFileId).waitFor();
        await member2.byTestId(`host-post-${thread[0].id}`).waitFor();
        await member2.page.waitForTimeout(300);
        await member2.screenshot('02c-after-save-new-revision-and-summary');
    });
});
