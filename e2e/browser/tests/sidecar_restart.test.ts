// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Scenario 7: the plugin's Node sidecar is killed while a document is open in the editor; the
// shim restarts it, and the editor's next save succeeds (tokens, locks and documents live in the
// KV store, not in the sidecar's memory).

import type {EditorEvent} from '../../collabora';
import {waitFor} from '../../stack/mm_client';
import {waitForHealth} from '../../stack/plugin_health';
import {findSidecars, isAlive} from '../../stack/processes';
import {anonymousClient, pluginDir} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

const isWopi = (call: string, status: number) => (e: EditorEvent) => e.type === 'wopi' && e.call === call && e.status === status;

describe('sidecar restart mid-session', () => {
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

    it('7. the next save after a sidecar restart succeeds', async () => {
        await member.gotoChannel('office-private');
        const from = env.standIn.events.length;
        await member.fileMenu(member.attachmentNamed('sample.odt'), 'Edit in Collabora Online');
        await member.editor.waitFor();
        const frame = member.editorFrame();
        await frame.hostReady.getByText('Host ready').waitFor();
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');
        await env.standIn.waitForEvent(isWopi('Lock', 200), {from});
        await frame.type('Before the restart. ');

        const sidecars = findSidecars(pluginDir());
        expect(sidecars).toHaveLength(1);
        const killedAt = Date.now();
        process.kill(sidecars[0].pid, 'SIGKILL');
        await waitFor('the killed sidecar to go', async () => (isAlive(sidecars[0].pid) ? undefined : true), 5_000, 50);
        await waitForHealth(anonymousClient(), env.pluginId, 20_000, (h) => h.uptime <= (Date.now() - killedAt) / 1000 + 0.5);

        await frame.type('After the restart.');
        const saveFrom = env.standIn.events.length;
        await frame.save();
        await frame.status.getByText(/^Saved \d+ bytes$/).waitFor();
        await env.standIn.waitForEvent(isWopi('PutFile', 200), {from: saveFrom});
        expect(await member.page.locator('[data-testid^="collabora-error-"]').count()).toBe(0);
        await member.screenshot('07-saved-after-sidecar-restart');

        await member.byTestId('collabora-editor-close').click();
        await member.editor.waitFor({state: 'detached'});
        await env.standIn.waitForEvent(isWopi('Unlock', 200), {from: saveFrom});
    });
});
