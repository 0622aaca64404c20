// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 11 in a real browser: a member runs /collabora open (as the mobile app does, through
// Mattermost's command API) and opens the Edit link in a fresh phone-sized browser that has never
// signed in to Mattermost. The link page loads the editor full screen; the link then is used up.

import {join} from 'node:path';

import type {EditorEvent} from '../../collabora';
import {clientAs} from '../../stack/stack';
import {ARTIFACTS_DIR, startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {StandInFrame} from '../host_page';

const PHONE = {
    viewport: {width: 390, height: 844},
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    userAgent: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
};

const linksIn = (markdown: string): Array<{label: string; url: string}> =>
    [...markdown.matchAll(/\[([^\]]+)\]\((\S+?)\)/g)].map((m) => ({label: m[1], url: m[2]}));

const isWopi = (call: string, status: number) => (e: EditorEvent) => e.type === 'wopi' && e.call === call && e.status === status;

describe('a one-time link on a phone', () => {
    let env: BrowserEnv;

    beforeAll(async () => {
        env = await startBrowserEnv();
    });
    afterAll(async () => {
        await env?.close();
    });

    it('opens the document full screen in a browser without a Mattermost session, once', async () => {
        const channel = env.stack.channels.public;
        const answer = await clientAs('member').request<{text: string}>('POST', '/api/v4/commands/execute', {
            body: {channel_id: channel.id, team_id: env.stack.team.id, command: '/collabora open'},
        });
        const line = answer.text.split('\n').find((l) => l.includes('sample.docx')) ?? '';
        const edit = linksIn(line).find((l) => l.label === 'Edit');
        expect(edit?.url.startsWith(`${env.siteUrl}/plugins/${env.pluginId}/link/`)).toBe(true);

        const from = env.standIn.events.length;
        const phone = await env.browser.newContext(PHONE);
        const page = await phone.newPage();
        page.on('pageerror', (err) => console.error(`[phone page error] ${err.message}`));
        const opener = await page.goto(edit!.url);
        expect(opener?.status()).toBe(200);

        // The opener POSTs back; the editor page loads the stand-in in its iframe.
        const frame = new StandInFrame(page.locator('body'));
        await frame.fileName.getByText('sample.docx').waitFor({timeout: 30_000});
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');
        expect(await frame.lock.textContent()).toBe('locked');
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await page.locator('body').getAttribute('class')).toBe('phone');
        const box = await page.locator('[data-testid="collabora-iframe"]').boundingBox();
        expect(box).toEqual({x: 0, y: 0, width: PHONE.viewport.width, height: PHONE.viewport.height});
        // The address bar shows the link, never a token; no Mattermost session was made.
        expect(page.url()).toBe(edit!.url);
        expect(await phone.cookies(env.siteUrl)).toEqual([]);
        await page.screenshot({path: join(ARTIFACTS_DIR, 'links-01-phone-editor.png')});

        // Opening the same link again (a second tab, a reload) finds it used.
        const again = await phone.newPage();
        const used = await again.goto(edit!.url);
        expect(used?.status()).toBe(410);
        await again.getByText('This link was already used or has expired').waitFor();
        await again.screenshot({path: join(ARTIFACTS_DIR, 'links-02-phone-used-link.png')});

        // Closing the browser ends the editing session: the document is unlocked for the others.
        await phone.close();
        await env.standIn.waitForEvent(isWopi('Unlock', 200), {from, timeoutMs: 30_000});
    });
});
