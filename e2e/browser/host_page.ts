// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Page objects: one logged-in person's browser on the host page, and the Collabora stand-in page
// inside one of the plugin's iframes. Selectors are data-testid only.

import {join} from 'node:path';

import type {BrowserContext, FrameLocator, Locator, Page} from 'playwright-core';

import type {UserKey} from '../stack/stack';

import {ARTIFACTS_DIR} from './browser_env';
import type {BrowserEnv} from './browser_env';
import {HOST_PATH} from './host_proxy';

const tid = (id: string) => `[data-testid="${id}"]`;

export class StandInFrame {
    readonly frame: FrameLocator;

    constructor(scope: Locator) {
        this.frame = scope.frameLocator(tid('collabora-iframe'));
    }

    get fileName(): Locator {
        return this.frame.locator(tid('standin-file-name'));
    }

    get mode(): Locator {
        return this.frame.locator(tid('standin-mode'));
    }

    get lock(): Locator {
        return this.frame.locator(tid('standin-lock'));
    }

    get status(): Locator {
        return this.frame.locator(tid('standin-status'));
    }

    get hostReady(): Locator {
        return this.frame.locator(tid('standin-host-ready'));
    }

    get modified(): Locator {
        return this.frame.locator(tid('standin-modified'));
    }

    async type(text: string): Promise<void> {
        await this.frame.locator(tid('standin-editor')).pressSequentially(text, {delay: 5});
    }

    async save(): Promise<void> {
        await this.frame.locator(tid('standin-save')).click();
    }

    async clickClose(): Promise<void> {
        await this.frame.locator(tid('standin-close')).click();
    }
}

export class HostPage {
    private constructor(readonly env: BrowserEnv, readonly user: UserKey, readonly context: BrowserContext, readonly page: Page) {}

    // A new browser context (own cookies) per person, logged in through the host page's form.
    static async open(env: BrowserEnv, user: UserKey): Promise<HostPage> {
        const host = await HostPage.openLoginPage(env, user);
        await host.logIn();
        return host;
    }

    // The login page, with the plugins already initialized there (as Mattermost's root.tsx does).
    static async openLoginPage(env: BrowserEnv, user: UserKey): Promise<HostPage> {
        const context = await env.browser.newContext({viewport: {width: 1366, height: 820}});
        const page = await context.newPage();
        const host = new HostPage(env, user, context, page);
        page.on('pageerror', (err) => console.error(`[${user} page error] ${err.message}`));
        await page.goto(env.siteUrl + HOST_PATH);
        await page.locator(tid('host-phase-login')).waitFor({timeout: 30_000});
        return host;
    }

    // In-page, as components/login/login.tsx does: no reload.
    async logIn(): Promise<void> {
        const u = this.env.stack.users[this.user];
        await this.page.locator(tid('host-login-username')).fill(u.username);
        await this.page.locator(tid('host-login-password')).fill(u.password);
        await this.page.locator(tid('host-login-submit')).click();
        await this.page.locator(tid('host-phase-ready')).waitFor({timeout: 30_000});
    }

    async close(): Promise<void> {
        await this.context.close();
    }

    async gotoChannel(channelName: string): Promise<void> {
        await this.page.locator(tid(`host-channel-link-${channelName}`)).click();
        await this.page.locator(`${tid('host-channel-view')}[data-channel="${channelName}"][data-loaded="true"]`).waitFor();
    }

    attachment(fileId: string): Locator {
        return this.page.locator(`[data-file-id="${fileId}"]`);
    }

    attachmentNamed(name: string): Locator {
        return this.page.locator(tid(`host-file-${name}`));
    }

    async openPreview(fileId: string): Promise<void> {
        await this.attachment(fileId).locator(tid('host-file-open')).click();
        await this.previewModal.waitFor();
    }

    // Opens the attachment's "…" menu and clicks an entry (plugin entries included).
    async fileMenu(attachment: Locator, itemText: string | RegExp): Promise<void> {
        await attachment.locator(tid('host-file-menu')).click();
        await attachment.locator(tid('host-file-menu-items')).getByRole('menuitem', {name: itemText}).click();
    }

    // The composer's attach menu (plugin upload methods included).
    async attachMenu(itemText: string | RegExp): Promise<void> {
        await this.page.locator(tid('host-attach-button')).click();
        await this.page.locator(tid('host-attach-menu')).getByRole('menuitem', {name: itemText}).click();
    }

    get previewModal(): Locator {
        return this.page.locator(tid('host-preview-modal'));
    }

    get preview(): Locator {
        return this.page.locator(tid('collabora-preview'));
    }

    get editor(): Locator {
        return this.page.locator(tid('collabora-editor'));
    }

    previewFrame(): StandInFrame {
        return new StandInFrame(this.preview);
    }

    editorFrame(): StandInFrame {
        return new StandInFrame(this.editor);
    }

    byTestId(id: string): Locator {
        return this.page.locator(tid(id));
    }

    // Just one element (e.g. a panel that scrolls inside the page).
    async screenshotOf(locator: Locator, name: string): Promise<string> {
        const path = join(ARTIFACTS_DIR, `${name}.png`);
        await locator.screenshot({path});
        return path;
    }

    async screenshot(name: string): Promise<string> {
        const path = join(ARTIFACTS_DIR, `${name}.png`);
        await this.page.screenshot({path});
        return path;
    }
}
