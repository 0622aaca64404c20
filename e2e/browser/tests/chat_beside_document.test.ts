// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 19, points 1 and 2 in the browser: '@' typed in the document (the stand-in sends Collabora's
// UI_Mention messages) offers the channel's members, picking one notifies them in the document's
// thread, which they see; the thread sits beside the editor, live, and takes replies; it collapses
// (remembered per user) and becomes a toggle over the editor on a narrow screen.

import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

import {waitFor} from '../../stack/mm_client';
import {clientAs} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

type Post = {id: string; user_id: string; root_id: string; message: string; props?: Record<string, unknown>};
const FIXTURES = join(__dirname, '..', '..', 'fixtures');

describe('chat and document together', () => {
    let env: BrowserEnv;
    let member: HostPage;
    let member2: HostPage;
    let postId: string;
    let fileId: string;

    const replies = async () => {
        const thread = await clientAs('member').request<{posts: Record<string, Post>}>('GET', `/api/v4/posts/${postId}/thread`);
        return Object.values(thread.posts).filter((p) => p.id !== postId);
    };
    const mentionCount = async () => (await clientAs('member2').request<{mention_count: number}>(
        'GET', `/api/v4/channels/${env.stack.channels.public.id}/members/${env.stack.users.member2.id}`)).mention_count;

    beforeAll(async () => {
        env = await startBrowserEnv();

        // A document of our own, so the edits here touch nothing other test files rely on.
        const rest = clientAs('member');
        const form = new FormData();
        form.append('channel_id', env.stack.channels.public.id);
        form.append('files', new Blob([await readFile(join(FIXTURES, 'sample.docx'))]), 'Minutes.docx');
        const uploaded = await rest.request<{file_infos: Array<{id: string}>}>('POST', '/api/v4/files', {body: form});
        fileId = uploaded.file_infos[0].id;
        postId = (await rest.request<{id: string}>('POST', '/api/v4/posts', {
            body: {channel_id: env.stack.channels.public.id, message: 'Minutes of the **planning** meeting', file_ids: [fileId]},
        })).id;

        member = await HostPage.open(env, 'member');
        member2 = await HostPage.open(env, 'member2');
    });
    afterAll(async () => {
        await member?.close();
        await member2?.close();
        await env?.close();
    });

    it('1. mentions a channel member from the document; they are notified in the thread', async () => {
        await member.gotoChannel('office-public');
        await member.openPreview(fileId);
        await member.byTestId('collabora-edit').click();
        await member.editor.waitFor();
        const frame = member.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        await member.byTestId('collabora-thread-panel').waitFor();

        const before = await mentionCount();
        await frame.type('Action item for @memb');
        const popup = frame.frame.locator('[data-testid="standin-mention-popup"]');
        const entry = popup.locator(`[data-testid="standin-mention-entry"][data-username="${env.stack.users.member2.username}"]`);
        await entry.waitFor({timeout: 15_000});
        // Offered: channel members only (outsider and stranger are not in office-public).
        const offered = await popup.locator('[data-testid="standin-mention-entry"]').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.username));
        expect(offered).toEqual(expect.arrayContaining(['member', 'member2']));
        expect(offered).not.toContain(env.stack.users.outsider.username);
        await member.screenshot('19-01-mention-autocomplete');

        await entry.click();
        await member.editor.getByRole('status').getByText(`@${env.stack.users.member2.username} was notified in the thread of the document.`).waitFor();
        expect(await frame.frame.locator('[data-testid="standin-editor"]').inputValue()).toBe(`Action item for @${env.stack.users.member2.username} `);

        const notice = await waitFor('the mention notification in the thread', async () => (await replies()).find((p) => p.props?.collabora_mention === fileId), 15_000);
        expect(notice.message).toContain(`@member mentioned @member2 in \`Minutes.docx\``);
        await waitFor('member2\'s mention count to grow', async () => ((await mentionCount()) > before ? true : undefined), 15_000);

        // Live in the panel beside the editor, and in member2's channel view.
        const shown = member.byTestId('collabora-thread-panel').locator(`[data-post-id="${notice.id}"]`);
        await shown.waitFor();
        // Rendered by the web app's own renderer (window.PostUtils): a mention link and the editor link.
        await shown.locator('.mention-link[data-mention="member2"]').waitFor();
        expect(await shown.getByRole('link', {name: 'Open the document'}).getAttribute('href')).toBe(`${env.siteUrl}/plugins/${env.pluginId}/open/${fileId}`);
        expect(await shown.locator('code').textContent()).toBe('Minutes.docx');
        await member2.gotoChannel('office-public');
        await member2.byTestId(`host-post-${notice.id}`).waitFor({timeout: 15_000});
        await member2.screenshot('19-02-mention-notification-seen-by-member2');
    });

    it('2. shows the thread beside the editor, live, and sends a reply from it', async () => {
        const panel = member.byTestId('collabora-thread-panel');
        expect(await panel.locator(`[data-post-id="${postId}"] .co-thread__text strong`).textContent()).toBe('planning');
        await member.byTestId('collabora-thread-input').fill('Agreed, see section 2 @member2');
        await member.byTestId('collabora-thread-send').click();
        const reply = await waitFor('the reply posted from the panel', async () => (await replies()).find((p) => p.message === 'Agreed, see section 2 @member2'), 15_000);
        expect(reply.root_id).toBe(postId);
        expect(reply.user_id).toBe(env.stack.users.member.id);
        await panel.locator(`[data-post-id="${reply.id}"]`).waitFor();
        // The websocket may show the reply before the post request has answered and emptied the box.
        await waitFor('the reply box to empty', async () => ((await member.byTestId('collabora-thread-input').inputValue()) === '' ? true : undefined), 5000);

        // Someone else answers in Mattermost: it shows up beside the editor over the websocket.
        const answer = await clientAs('member2').request<{id: string}>('POST', '/api/v4/posts', {
            body: {channel_id: env.stack.channels.public.id, root_id: postId, message: 'On it.'},
        });
        await panel.locator(`[data-post-id="${answer.id}"]`).getByText('On it.').waitFor({timeout: 15_000});
        await member.page.waitForTimeout(300);
        await member.screenshot('19-03-editor-with-thread-and-reply');
    });

    it('3. collapses (remembered for the user) and becomes a toggle on a narrow screen', async () => {
        await member.byTestId('collabora-thread-toggle').click();
        await member.byTestId('collabora-thread-panel').waitFor({state: 'detached'});
        const stored = await member.page.evaluate((key) => window.localStorage.getItem(key), `${env.pluginId}:thread_panel_collapsed:${env.stack.users.member.id}`);
        expect(stored).toBe('true');
        await member.screenshot('19-04-thread-collapsed');
        await member.byTestId('collabora-thread-toggle').click();
        await member.byTestId('collabora-thread-panel').waitFor();

        await member.page.setViewportSize({width: 720, height: 800});
        await member.byTestId('collabora-thread-panel').waitFor({state: 'detached'});
        await member.screenshot('19-05a-narrow-thread-toggle');
        await member.byTestId('collabora-thread-toggle').click();
        const overlay = member.byTestId('collabora-thread-panel');
        await overlay.waitFor();
        expect(await overlay.getAttribute('class')).toContain('co-thread--overlay');
        await member.page.waitForTimeout(300);
        await member.screenshot('19-05b-narrow-thread-overlay');
    });
});
