// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Scenario 3: a document whose editing policy is owner-only offers another member no Edit button,
// and says why; the owner opens it up from the preview and the member's Edit button appears
// without a reload (policy_changed over the websocket).

import {clientAs} from '../../stack/stack';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

describe('editing policy', () => {
    let env: BrowserEnv;
    let owner: HostPage;
    let other: HostPage;
    const file = () => env.stack.files['public/sample.docx'];
    const policyPath = () => `/plugins/${env.pluginId}/api/v1/files/${file().id}/policy`;

    beforeAll(async () => {
        env = await startBrowserEnv();
        expect(file().user).toBe('member');
        await clientAs('member').request('PUT', policyPath(), {body: {policy: 'owner'}});
        owner = await HostPage.open(env, 'member');
        other = await HostPage.open(env, 'member2');
    });
    afterAll(async () => {
        await clientAs('member').request('PUT', policyPath(), {body: {policy: 'channel'}}).catch(() => undefined);
        await owner?.close();
        await other?.close();
        await env?.close();
    });

    it('3. owner-only: no Edit button and the reason; the owner opens it up and Edit appears without a reload', async () => {
        await other.gotoChannel('office-public');
        await other.openPreview(file().id);
        await other.previewFrame().hostReady.getByText('Host ready').waitFor();
        const reason = other.byTestId('collabora-edit-reason');
        await reason.waitFor();
        expect((await reason.textContent())?.trim()).not.toBe('');
        expect(await other.byTestId('collabora-edit').count()).toBe(0);
        expect(await other.byTestId('collabora-policy-select').count()).toBe(0);
        expect(await other.previewFrame().mode.getAttribute('data-mode')).toBe('view');
        await other.screenshot('03a-owner-only-no-edit-button');

        await owner.gotoChannel('office-public');
        await owner.openPreview(file().id);
        const select = owner.byTestId('collabora-policy-select');
        await select.waitFor();
        expect(await select.inputValue()).toBe('owner');
        await select.selectOption('channel');
        await owner.page.waitForFunction(() => !(document.querySelector('[data-testid="collabora-policy-select"]') as HTMLSelectElement).disabled);
        await owner.screenshot('03b-owner-changes-policy');

        // Same page, no reload: the websocket event brings the new rights.
        const navigations: string[] = [];
        other.page.on('framenavigated', (f) => f === other.page.mainFrame() && navigations.push(f.url()));
        await other.byTestId('collabora-edit').waitFor({timeout: 15_000});
        expect(await other.byTestId('collabora-edit-reason').count()).toBe(0);
        expect(navigations).toEqual([]);
        await other.screenshot('03c-edit-button-appears');
    });
});
