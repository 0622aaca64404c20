// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Scenario 6: System Console > Plugins > Collabora Online, the connection check: results against
// the stand-in, then a clear failure once the Collabora Online URL points nowhere.

import {createServer} from 'node:net';
import type {AddressInfo} from 'node:net';

import {waitFor} from '../../stack/mm_client';
import {pointPluginAt, startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';
import {HOST_PATH} from '../host_proxy';

type CheckResult = {id: string; ok: boolean; detail: string};

// A port nothing listens on: bound, then released.
async function deadUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}`;
}

describe('System Console connection check', () => {
    let env: BrowserEnv;
    let admin: HostPage;

    beforeAll(async () => {
        env = await startBrowserEnv();
        admin = await HostPage.open(env, 'admin');
    });
    afterAll(async () => {
        await admin?.close();
        if (env) {
            await pointPluginAt(env.admin, env.pluginId, env.standIn.url, env.stack.url).catch(() => undefined);
            await env.close();
        }
    });

    it('6. shows the results against the stand-in, and a clear failure when the URL points nowhere', async () => {
        await admin.page.goto(`${env.siteUrl}${HOST_PATH}#/admin_console/plugins/plugin_${env.pluginId}`);
        const check = admin.byTestId('collabora-connection-check');
        await check.waitFor();

        // schema_admin_settings.tsx renders custom settings inside its <form>; a button there must not submit it.
        expect(await admin.page.locator('form [data-testid="collabora-connection-check"]').count()).toBe(1);
        await check.getByRole('button', {name: 'Run connection check'}).click();
        for (const id of ['discovery', 'version', 'formats', 'proof_key', 'clock_skew', 'wopi_reachable']) {
            await admin.byTestId(`collabora-check-${id}`).getByText('Passed', {exact: true}).waitFor();
        }

        // The stand-in speaks plain HTTP: the TLS check says so, with its fix.
        const tls = admin.byTestId('collabora-check-tls');
        await tls.getByText('Failed', {exact: true}).waitFor();
        expect(await tls.textContent()).toContain('How to fix');
        await check.getByText('1 check failed.').waitFor();
        await admin.screenshotOf(check, '06a-connection-check-against-stand-in');

        // The admin points the URL nowhere and saves, in the console.
        const nowhere = await deadUrl();
        await admin.byTestId('host-setting-CollaboraUrl').fill(nowhere);
        await admin.byTestId('host-console-save').click();
        await admin.byTestId('host-console-status').getByText('Settings saved').waitFor();
        await waitFor('the plugin to use the new URL', async () => {
            const res = await env.admin.request<{results: CheckResult[]}>('POST', `/plugins/${env.pluginId}/api/v1/admin/check`, {body: {}});
            return res.results.find((r) => r.id === 'discovery' && !r.ok) ? true : undefined;
        }, 20_000, 500);

        await check.getByRole('button', {name: 'Run connection check'}).click();
        const discovery = admin.byTestId('collabora-check-discovery');
        await discovery.getByText('Failed', {exact: true}).waitFor();
        expect(await discovery.textContent()).toContain(nowhere);
        expect(await discovery.textContent()).toContain('How to fix');
        await admin.byTestId('collabora-check-version').getByText('Failed', {exact: true}).waitFor();
        await admin.screenshotOf(check, '06b-connection-check-url-points-nowhere');
    });
});
