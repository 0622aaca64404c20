// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The plugin as Mattermost's web app really loads and renders it (issue 16): initialized on the
// login page, then an in-page login; file menus drawn once at render; compact display; the preview
// modal's arrow keys; the user's locale and theme; strict CSRF enforcement on the test stack.

import {readFile} from 'node:fs/promises';
import {join} from 'node:path';

import {waitFor} from '../../stack/mm_client';
import {clientAs} from '../../stack/stack';
import type {UserKey} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';
import {HOST_PATH} from '../host_proxy';

type FileInfo = {id: string; name: string};
const FIXTURES = join(__dirname, '..', '..', 'fixtures');

// A post of our own (sample.docx, sample.xlsx) in office-public, so the edits here never touch the
// files other test files rely on.
async function postFiles(user: UserKey, channelId: string, names: string[]): Promise<{postId: string; files: FileInfo[]}> {
    const rest = clientAs(user);
    const form = new FormData();
    form.append('channel_id', channelId);
    for (const name of names) {
        form.append('files', new Blob([await readFile(join(FIXTURES, name))]), name);
    }
    const uploaded = await rest.request<{file_infos: FileInfo[]}>('POST', '/api/v4/files', {body: form});
    const post = await rest.request<{id: string}>('POST', '/api/v4/posts', {
        body: {channel_id: channelId, message: 'For the real web app test', file_ids: uploaded.file_infos.map((f) => f.id)},
    });
    return {postId: post.id, files: uploaded.file_infos};
}

// An edit session ends with a new revision in place of the attachment: the post's files, in order.
async function filesOnceReplaced(postId: string, replaced: string): Promise<FileInfo[]> {
    return waitFor('the post to carry the new revision', async () => {
        const post = await clientAs('member').request<{file_ids?: string[]; metadata?: {files?: FileInfo[]}}>('GET', `/api/v4/posts/${postId}`);
        return post.file_ids?.includes(replaced) ? undefined : [...(post.metadata?.files ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    }, 20_000, 250);
}

async function setPreference(env: BrowserEnv, user: UserKey, category: string, name: string, value: string): Promise<void> {
    const id = env.stack.users[user].id;
    await clientAs(user).request('PUT', `/api/v4/users/${id}/preferences`, {body: [{user_id: id, category, name, value}]});
}

async function setLocale(env: BrowserEnv, user: UserKey, locale: string): Promise<void> {
    await env.admin.request('PUT', `/api/v4/users/${env.stack.users[user].id}/patch`, {body: {locale}});
}

describe('the plugin under Mattermost\'s real loading and rendering rules', () => {
    let env: BrowserEnv;
    let files: FileInfo[];
    let postId: string;
    const pages: HostPage[] = [];
    const open = async (user: UserKey) => {
        const page = await HostPage.open(env, user);
        pages.push(page);
        return page;
    };

    beforeAll(async () => {
        env = await startBrowserEnv();
        ({postId, files} = await postFiles('member', env.stack.channels.public.id, ['sample.docx', 'sample.xlsx']));
    });
    afterAll(async () => {
        for (const page of pages) {
            await page.close();
        }
        await env?.close();
    });

    it('serves the page with Mattermost\'s headers, and strict CSRF is on', async () => {
        const res = await fetch(env.siteUrl + HOST_PATH);
        expect(res.headers.get('content-security-policy')).toContain('frame-ancestors \'self\'');
        expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        const config = await env.admin.request<{ServiceSettings: {ExperimentalStrictCSRFEnforcement: boolean}}>('GET', '/api/v4/config');
        expect(config.ServiceSettings.ExperimentalStrictCSRFEnforcement).toBe(true);
    });

    it('initializes the plugin on the login page, then works after an in-page login: menu, preview, edit', async () => {
        const host = await HostPage.openLoginPage(env, 'member');
        pages.push(host);
        const configAnswers: number[] = [];
        host.page.on('response', (res) => {
            if (res.url().endsWith(`/plugins/${env.pluginId}/api/v1/client_config`)) {
                configAnswers.push(res.status());
            }
        });

        // The host test: the bundle ran before anyone logged in, as root.tsx makes it.
        const body = host.page.locator('body');
        expect(await body.getAttribute('data-plugins')).toContain(env.pluginId);
        expect(await body.getAttribute('data-plugins-loaded-with-user')).toBe('false');
        expect(await host.page.locator(`script[id="plugin_${env.pluginId}"]`).count()).toBe(1);

        // Nothing that needs a session was asked for on the login page.
        const asked = await host.page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/client_config')).length);
        expect(asked).toBe(0);
        await host.screenshot('login');

        await host.logIn();
        await host.gotoChannel('office-public');
        const docx = host.attachment(files[0].id);
        await docx.waitFor();

        // The menu was drawn once, whenever the config came; it offers Edit either way.
        await docx.locator('[data-testid="host-file-menu"]').click();
        await docx.getByRole('menuitem', {name: 'Edit in Collabora Online'}).waitFor();
        await docx.locator('[data-testid="host-file-menu"]').click();

        await host.openPreview(files[0].id);
        await host.preview.waitFor();
        await host.previewFrame().hostReady.getByText('Host ready').waitFor();

        // Strict CSRF: opening the editor is a cookie-authenticated POST; it reaches the plugin as the user.
        await host.byTestId('collabora-edit').click();
        await host.editor.waitFor();
        const frame = host.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');
        await frame.type('Logged in from the login page. ');
        await frame.save();
        await frame.status.getByText(/^Saved \d+ bytes$/).waitFor();
        await host.byTestId('collabora-editor-close').click();
        await host.editor.waitFor({state: 'detached'});
        files = await filesOnceReplaced(postId, files[0].id);
        expect(files.map((f) => f.name)).toEqual(['sample.docx', 'sample.xlsx']);

        // Asked after login, and answered.
        expect(configAnswers.length).toBeGreaterThan(0);
        expect(configAnswers.every((status) => status === 200)).toBe(true);
    });

    it('reaches the plugin anonymous when a cookie-authenticated POST lacks the CSRF token', async () => {
        const host = pages[0];
        const status = await host.page.evaluate(async (url) => (await fetch(url, {method: 'POST', headers: {'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest'}, body: '{"mode":"view"}'})).status,
            `/plugins/${env.pluginId}/api/v1/files/${files[1].id}/open`);
        expect(status).toBe(401);
    });

    it('compact display: no "…" menu; the preview still opens', async () => {
        await setPreference(env, 'member2', 'display_settings', 'message_display', 'compact');
        try {
            const host = await open('member2');
            await host.gotoChannel('office-public');
            const xlsx = host.attachment(files[1].id);
            await xlsx.waitFor();
            expect(await host.page.locator('[data-testid="host-file-menu"]').count()).toBe(0);
            await host.screenshot('compact');
            await host.openPreview(files[1].id);
            await host.preview.waitFor();
        } finally {
            await setPreference(env, 'member2', 'display_settings', 'message_display', 'clean');
        }
    });

    it.each([['fr', 'member2', 'Modifier dans Collabora Online'], ['de', 'channel_admin', 'In Collabora Online bearbeiten']] as Array<[string, UserKey, string]>)(
        'speaks the user\'s locale (%s)', async (locale, user, editLabel) => {
            await setLocale(env, user, locale);
            try {
                const host = await open(user);
                expect(await host.byTestId('host-phase-ready').getAttribute('data-locale')).toBe(locale);
                await host.gotoChannel('office-public');
                const docx = host.attachment(files[0].id);
                await docx.locator('[data-testid="host-file-menu"]').click();
                await docx.getByRole('menuitem', {name: editLabel}).waitFor();
                await docx.locator('[data-testid="host-file-menu"]').click();
                await host.openPreview(files[0].id);
                await host.previewFrame().hostReady.getByText('Host ready').waitFor();
                await host.screenshot(locale);
            } finally {
                await setLocale(env, user, 'en');
            }
        });

    it('keeps arrow keys in its controls: the modal flips attachments only from elsewhere', async () => {
        // channel_admin may change editing rights, so the preview shows the rights <select>.
        const host = await open('channel_admin');
        await host.gotoChannel('office-public');
        await host.openPreview(files[0].id);
        const select = host.preview.locator('select.co-select');
        await select.waitFor();
        await select.focus();
        await host.page.keyboard.press('ArrowRight');
        expect(await host.byTestId('host-preview-title').textContent()).toBe('sample.docx');
        await host.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await host.page.keyboard.press('ArrowRight');
        await host.byTestId('host-preview-title').getByText('sample.xlsx').waitFor();
        await host.page.keyboard.press('Escape');
        await host.previewModal.waitFor({state: 'detached'});
    });

    it('follows the user\'s dark theme', async () => {
        await setPreference(env, 'member', 'theme', '', JSON.stringify({type: 'Onyx', sidebarBg: '#202228', sidebarText: '#ffffff', sidebarHeaderBg: '#24272d',
            sidebarTextActiveBorder: '#4a7ce8', onlineIndicator: '#3db887', awayIndicator: '#f5ab00', centerChannelBg: '#191b1f', centerChannelColor: '#e3e4e8',
            linkColor: '#5d89ea', buttonBg: '#4a7ce8', buttonColor: '#ffffff', errorTextColor: '#da6c6e'}));
        try {
            const host = await open('member');
            await host.gotoChannel('office-public');
            expect(await host.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(25, 27, 31)');
            await host.openPreview(files[0].id);
            await host.previewFrame().hostReady.getByText('Host ready').waitFor();
            await host.screenshot('dark');
        } finally {
            await clientAs('member').request('POST', `/api/v4/users/${env.stack.users.member.id}/preferences/delete`, {
                body: [{user_id: env.stack.users.member.id, category: 'theme', name: '', value: ''}],
            }).catch(() => undefined);
        }
    });
});
