// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Scenario 5: closing the editor with unsaved changes asks first (the editor's own close button, and
// Collabora's UI_Close); "Save and close" saves through the PostMessage API; UI_Close with nothing
// unsaved closes the modal.

import type {EditorEvent} from '../../collabora';
import {startBrowserEnv} from '../browser_env';
import type {BrowserEnv} from '../browser_env';
import {HostPage} from '../host_page';

const putFiles = (events: EditorEvent[]) => events.filter((e) => e.type === 'wopi' && e.call === 'PutFile' && e.status === 200).length;

describe('closing the editor', () => {
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

    const openFromMenu = async () => {
        await member.fileMenu(member.attachmentNamed('sample.pptx'), 'Edit in Collabora Online');
        await member.editor.waitFor();
        await member.editorFrame().hostReady.getByText('Host ready').waitFor();
    };

    it('5. asks before closing with unsaved changes; UI_Close closes the modal', async () => {
        await member.gotoChannel('office-public');
        const original = env.stack.files['public/sample.pptx'].id;
        await openFromMenu();
        const frame = member.editorFrame();
        expect(await frame.mode.getAttribute('data-mode')).toBe('edit');

        await frame.type('Draft');
        await frame.modified.getByText('Unsaved changes').waitFor();
        await member.byTestId('collabora-editor-close').click();
        const guard = member.byTestId('collabora-close-guard');
        await guard.waitFor();
        await member.screenshot('05a-unsaved-changes-guard');
        await guard.getByRole('button', {name: 'Keep editing'}).click();
        await guard.waitFor({state: 'detached'});
        expect(await member.editor.isVisible()).toBe(true);

        // Collabora's own close button (UI_Close) with unsaved changes asks too; Save and close saves.
        const before = putFiles(env.standIn.events);
        await frame.type(' and more');
        await frame.modified.getByText('Unsaved changes').waitFor();
        await frame.clickClose();
        await guard.waitFor();
        await guard.getByRole('button', {name: 'Save and close'}).click();
        await member.editor.waitFor({state: 'detached'});
        expect(putFiles(env.standIn.events)).toBe(before + 1);

        // The session ends (Unlock) and the post gets the new revision; wait for it to land here,
        // or the attachment (and its open menu) is replaced under the next click.
        await env.standIn.waitForEvent((e) => e.type === 'wopi' && e.call === 'Unlock' && e.status === 200);
        await member.page.locator(`[data-testid="host-file-sample.pptx"]:not([data-file-id="${original}"])`).waitFor();

        // Nothing unsaved: UI_Close closes the modal at once.
        await openFromMenu();
        await frame.clickClose();
        await member.editor.waitFor({state: 'detached'});
        expect(await guard.count()).toBe(0);
        await member.screenshot('05b-closed-by-ui-close');
    });
});
