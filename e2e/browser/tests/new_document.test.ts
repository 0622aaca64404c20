// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Scenario 4: "New document" in the attach menu creates a spreadsheet, posts it in the channel and
// opens it in the editor.

import {clientAs} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

type PostList = {order: string[]; posts: Record<string, {id: string; user_id: string; metadata?: {files?: Array<{id: string; name: string}>}}>};

describe('new document', () => {
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

    it('4. creates a spreadsheet from the attach menu, posts it in the channel and opens it', async () => {
        await member.gotoChannel('office-public');
        await member.attachMenu(/New document/);
        const dialog = member.byTestId('collabora-new-document');
        await dialog.waitFor();
        await dialog.getByRole('textbox').fill('Budget e2e');
        await dialog.getByText('Spreadsheet', {exact: true}).click();
        await member.screenshot('04a-new-document-dialog');
        await dialog.getByRole('button', {name: 'Create'}).click();

        await member.editor.waitFor();
        const frame = member.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await member.byTestId('collabora-editor-title').textContent()).toBe('Budget e2e.xlsx');
        expect(await frame.fileName.textContent()).toBe('Budget e2e.xlsx');
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');
        await member.screenshot('04b-new-spreadsheet-in-editor');

        // Posted in the channel: the REST API has it, and the channel shows it once the editor closes.
        const posts = await clientAs('member').request<PostList>('GET', `/api/v4/channels/${env.stack.channels.public.id}/posts`);
        const created = Object.values(posts.posts).find((p) => p.metadata?.files?.some((f) => f.name === 'Budget e2e.xlsx'));
        expect(created?.user_id).toBe(env.stack.users.member.id);
        await member.byTestId('collabora-editor-close').click();
        await member.editor.waitFor({state: 'detached'});
        await member.attachmentNamed('Budget e2e.xlsx').waitFor();
        await member.screenshot('04c-new-spreadsheet-posted');
    });
});
