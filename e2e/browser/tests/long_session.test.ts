// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 15, points 2 and 5 in a real browser. A long-open editor gets a fresh token before the old
// one expires and hands it to the running editor (Reset_Access_Token), so a save made after the
// first token expired still lands. A lock left by a crashed Collabora keeps the owner's editor
// read-only: the editor says who holds it since when, the owner releases it, the editor reopens
// editable, and the crashed session's next save is refused.

import {CollaboraSession, tokenFingerprint} from '../../collabora';
import type {EditorEvent} from '../../collabora';
import {waitFor} from '../../stack/mm_client';
import {setPluginSettings} from '../../stack/plugin_settings';
import {clientAs} from '../../stack/stack';
import type {UserKey} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

type Opened = {actionUrl: string; accessToken: string; accessTokenTtl: number; mode: string};

// The plugin's test knob (server-ts/src/config/settings.ts); 40 s: the editor renews after 10 s
// (30 s before expiry), and a save after 45 s can only land with a renewed token.
const TOKEN_TTL_SECONDS = 40;

const isWopi = (call: string, status?: number) => (e: EditorEvent) => e.type === 'wopi' && e.call === call && (status === undefined || e.status === status);

describe('a long editing session', () => {
    let env: BrowserEnv;
    const pages: HostPage[] = [];
    const open = async (user: UserKey) => {
        const page = await HostPage.open(env, user);
        pages.push(page);
        return page;
    };
    const openAs = (user: UserKey, fileId: string) => clientAs(user).request<Opened>('POST', `/plugins/${env.pluginId}/api/v1/files/${fileId}/open`, {body: {mode: 'edit'}});
    const sessionFor = (opened: Opened) => new CollaboraSession({
        wopiSrc: new URL(opened.actionUrl).searchParams.get('WOPISrc') ?? '',
        accessToken: opened.accessToken, accessTokenTtl: opened.accessTokenTtl, signer: env.standIn.signer,
    });

    beforeAll(async () => {
        env = await startBrowserEnv();
    });
    afterAll(async () => {
        await setPluginSettings(env.admin, env.pluginId, {TokenTtlSeconds: 0}).catch(() => undefined);
        for (const page of pages) {
            await page.close();
        }
        await env?.close();
    });

    it('2. renews the token of an open editor without reloading it; a save after the first token expired lands with the new one', async () => {
        const file = env.stack.files['public/sample.xlsx'];
        await setPluginSettings(env.admin, env.pluginId, {TokenTtlSeconds: TOKEN_TTL_SECONDS});
        await waitFor('the plugin to issue short tokens', async () => {
            const probe = await openAs('member', file.id);
            return probe.accessTokenTtl - Date.now() <= TOKEN_TTL_SECONDS * 1000 ? true : undefined;
        }, 20_000, 250);

        const member = await open('member');
        await member.gotoChannel('office-public');
        await member.openPreview(file.id);
        await member.byTestId('collabora-edit').waitFor();
        const from = env.standIn.events.length;
        const firstOpen = member.page.waitForResponse((r) => r.url().endsWith(`/files/${file.id}/open`) && r.request().postData() === '{"mode":"edit"}');
        await member.byTestId('collabora-edit').click();
        const first = await (await firstOpen).json() as Opened;
        const frame = member.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');
        // The edit view's first call (the preview behind it is a view of its own).
        const loaded = await env.standIn.waitForEvent(isWopi('Lock', 200), {from});
        expect(loaded.type === 'wopi' && loaded.token).toBe(tokenFingerprint(first.accessToken));

        // The renewal comes 30 s before expiry, through PostMessage, into the same page.
        const reset = await env.standIn.waitForEvent((e) => e.type === 'token_reset' && e.docKey === (loaded.type === 'wopi' ? loaded.docKey : ''), {from, timeoutMs: 30_000});
        expect(reset.type === 'token_reset' && reset.token).not.toBe(tokenFingerprint(first.accessToken));
        await frame.frame.locator('[data-testid="standin-token"]').getByText(/^renewed \d+×$/).waitFor();

        // Past the first token's expiry: it no longer opens the document.
        const waitMs = first.accessTokenTtl - Date.now() + 2_000;
        await member.page.waitForTimeout(Math.max(0, waitMs));
        const stale = await sessionFor(first).checkFileInfo();
        expect(stale.status).toBe(401);

        await frame.type('Saved with a renewed token. ');
        await frame.save();
        await frame.status.getByText(/^Saved \d+ bytes$/).waitFor();
        const put = await env.standIn.waitForEvent(isWopi('PutFile'), {from});
        const resets = env.standIn.events.slice(from).filter((e) => e.type === 'token_reset');
        const latest = resets[resets.length - 1];
        expect(put.type === 'wopi' && put.status).toBe(200);
        expect(put.type === 'wopi' && put.token).toBe(latest.type === 'token_reset' ? latest.token : '');
        expect(put.type === 'wopi' && put.token).not.toBe(tokenFingerprint(first.accessToken));

        // One page load for the whole session: the edit view was never reloaded.
        expect(env.standIn.events.slice(from).filter((e) => e.type === 'view_opened' && e.mode === 'edit')).toHaveLength(1);
        expect(put.type === 'wopi' && loaded.type === 'wopi' && put.view).toBe(loaded.type === 'wopi' ? loaded.view : '');
        expect(await member.byTestId('collabora-access-expired').count()).toBe(0);
        await member.screenshot('15a-token-renewed-save-landed');

        await member.byTestId('collabora-editor-close').click();
        await member.editor.waitFor({state: 'detached'});
        const unlock = await env.standIn.waitForEvent(isWopi('Unlock'), {from});
        expect(unlock.type === 'wopi' && unlock.status).toBe(200);
    });

    it('2b. an editor whose user lost the right to edit gets a view token at the next renewal, and says so', async () => {
        const file = env.stack.files['public/sample.docx'];
        expect(file.user).toBe('member');
        const policyPath = `/plugins/${env.pluginId}/api/v1/files/${file.id}/policy`;
        const member = await open('member');
        try {
            await member.gotoChannel('office-public');
            await member.openPreview(file.id);
            await member.byTestId('collabora-edit').waitFor();
            const from = env.standIn.events.length;
            await member.byTestId('collabora-edit').click();
            const frame = member.editorFrame();
            await frame.hostReady.getByText('Host ready').waitFor();
            const locked = await env.standIn.waitForEvent(isWopi('Lock', 200), {from});
            const view = locked.type === 'wopi' ? locked.view : '';

            // The owner makes it view only (the owner too then only views).
            const changed = env.standIn.events.length;
            await clientAs('member').request('PUT', policyPath, {body: {policy: 'view_only'}});
            const reset = await env.standIn.waitForEvent((e) => e.type === 'token_reset' && e.view === view, {from: changed, timeoutMs: 30_000});
            await member.byTestId('collabora-rights-lost').waitFor();
            expect(await member.byTestId('collabora-rights-lost').textContent()).toContain('You can no longer edit this document.');

            // The running editor holds the view token now: the host refuses its save.
            await frame.type('Typed after the rights were gone. ');
            await frame.save();
            await frame.status.getByText(/^Save failed: HTTP \d+/).waitFor();
            const put = await env.standIn.waitForEvent(isWopi('PutFile'), {from: changed});
            expect(put.type === 'wopi' && put.token).toBe(reset.type === 'token_reset' ? reset.token : '');
            expect([401, 403]).toContain(put.type === 'wopi' ? put.status : 0);
            await member.screenshot('15a2-rights-lost-view-token');
            await member.byTestId('collabora-editor-close').click();
            await member.byTestId('collabora-close-guard').or(member.editor).first().waitFor();
            if (await member.byTestId('collabora-close-guard').count() > 0) {
                await member.page.getByRole('button', {name: 'Close anyway'}).click();
            }
            await member.editor.waitFor({state: 'detached'});
        } finally {
            await clientAs('member').request('PUT', policyPath, {body: {policy: 'channel'}});
        }
    });

    it('5. a crashed Collabora\'s lock: the owner sees who holds it since when, releases it and edits; the crashed session\'s save gets 409', async () => {
        const file = env.stack.files['private/sample.docx'];
        expect(file.user).toBe('channel_admin');

        // "Crashed Collabora": another Collabora session (member2's token, its own lock id) took
        // the lock and never gave it back.
        const crashed = sessionFor(await openAs('member2', file.id));
        expect((await crashed.checkFileInfo()).status).toBe(200);
        expect((await crashed.lock()).status).toBe(200);

        const owner = await open('channel_admin');
        await owner.gotoChannel('office-private');
        await owner.openPreview(file.id);
        await owner.byTestId('collabora-edit').waitFor();
        const from = env.standIn.events.length;
        await owner.byTestId('collabora-edit').click();
        const frame = owner.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();

        // Collabora's LOCK was refused: the session is read-only, silently.
        await env.standIn.waitForEvent(isWopi('Lock', 409), {from});
        expect(await frame.mode.getAttribute('data-mode')).toBe('view');
        const banner = owner.byTestId('collabora-lock-banner');
        await banner.waitFor({timeout: 15_000});
        expect(await banner.getAttribute('data-lock')).toBe('held');
        expect(await banner.textContent()).toMatch(/Read-only: member2 has held the lock on this document since .+\./);
        await owner.screenshot('15b-stale-lock-banner');

        const reopened = env.standIn.events.length;
        await owner.byTestId('collabora-lock-release').click();
        await env.standIn.waitForEvent(isWopi('Lock', 200), {from: reopened});
        const newFrame = owner.editorFrame();
        await newFrame.hostReady.getByText('Host ready').waitFor();
        await newFrame.frame.locator('[data-testid="standin-mode"][data-mode="edit"]').waitFor();
        expect(await newFrame.lock.textContent()).toBe('locked');
        await banner.waitFor({state: 'detached'});

        // The released session's writes are over.
        const late = await crashed.putFile(Buffer.from('written by a crashed Collabora'));
        expect(late.status).toBe(409);

        await newFrame.type('Edited after the stale lock was released. ');
        await newFrame.save();
        await newFrame.status.getByText(/^Saved \d+ bytes$/).waitFor();
        const put = await env.standIn.waitForEvent(isWopi('PutFile'), {from: reopened});
        expect(put.type === 'wopi' && put.status).toBe(200);
        await owner.screenshot('15c-lock-released-editing');

        await owner.byTestId('collabora-editor-close').click();
        await owner.editor.waitFor({state: 'detached'});
    });
});
