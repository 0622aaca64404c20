// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {FileInfo} from '@mattermost/types/files';
import {act, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {handleDocumentUpdated, receivedEditors, resetEditorRequests} from '../../actions';
import type {AppDispatch} from '../../actions';
import {client} from '../../client';
import type {FileRights} from '../../client';
import {session} from '../../../tests/collabora';
import {baseHostState, makeStore, mockFetch, pluginState, renderWithStore, rights, testConfig} from '../../../tests/helpers';

import FilePreview, {makePreviewOverride} from './index';

const fileInfo = (name: string, extension: string): FileInfo => ({
    id: 'f1', user_id: 'owner', channel_id: 'chan1', create_at: 0, update_at: 0, delete_at: 0, name, extension, size: 10,
    mime_type: '', width: 0, height: 0, has_preview_image: false, clientId: '', archived: false,
});

function routes(answer: FileRights) {
    return mockFetch([
        {method: 'GET', path: '/api/v1/files/f1/rights', body: answer},
        {method: 'GET', path: '/api/v1/files/f1/editors', body: {editors: []}},
        {method: 'POST', path: '/api/v1/files/f1/open', body: session},
    ]);
}

beforeEach(() => {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    resetEditorRequests();
    HTMLFormElement.prototype.submit = jest.fn();
});

describe('FilePreview', () => {
    it('opens a read-only view and offers Edit to those who may edit', async () => {
        const fetchMock = routes(rights({canEdit: true}));
        const onModalDismissed = jest.fn();
        const {store} = renderWithStore(<FilePreview fileInfo={fileInfo('plan.docx', 'docx')} onModalDismissed={onModalDismissed}/>);
        const edit = await screen.findByTestId('collabora-edit');
        const open = fetchMock.mock.calls.find(([url]) => String(url).endsWith('/open'));
        expect(open?.[1]?.body).toBe('{"mode":"view"}');

        act(() => edit.click());
        expect(onModalDismissed).toHaveBeenCalled();
        await waitFor(() => expect(pluginState(store).editor).toEqual({fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}));
    });

    it('shows the reason instead of Edit to those who may not edit', async () => {
        routes(rights({canEdit: false, reason: 'Only the owner can edit this document.'}));
        renderWithStore(<FilePreview fileInfo={fileInfo('plan.docx', 'docx')} onModalDismissed={jest.fn()}/>);
        expect(await screen.findByTestId('collabora-edit-reason')).toHaveTextContent('Only the owner can edit this document.');
        expect(screen.queryByTestId('collabora-edit')).not.toBeInTheDocument();
    });

    it('never shows Edit for a view-only format', async () => {
        routes(rights({canEdit: true}));
        renderWithStore(<FilePreview fileInfo={fileInfo('deck.pages', 'pages')} onModalDismissed={jest.fn()}/>);
        expect(await screen.findByText('This format can be viewed but not edited.')).toBeInTheDocument();
        await waitFor(() => expect(screen.getByTestId('collabora-form')).toBeInTheDocument());
        expect(screen.queryByTestId('collabora-edit')).not.toBeInTheDocument();
    });

    it('shows the policy control only to those who may change it', async () => {
        routes(rights({canChangePolicy: true, policy: 'owner'}));
        renderWithStore(<FilePreview fileInfo={fileInfo('plan.docx', 'docx')} onModalDismissed={jest.fn()}/>);
        expect(await screen.findByTestId('collabora-policy-select')).toHaveValue('owner');
    });

    it('shows who is editing, without a Join button (Edit is right there)', async () => {
        routes(rights());
        const store = makeStore();
        renderWithStore(<FilePreview fileInfo={fileInfo('plan.docx', 'docx')} onModalDismissed={jest.fn()}/>, store);
        await screen.findByTestId('collabora-edit');
        act(() => {
            store.dispatch(receivedEditors('f1', [{userId: 'u1', username: 'ana', displayName: 'Ana'}]));
        });
        expect(screen.getByTestId('collabora-presence-f1')).toHaveTextContent('Ana is editing');
        expect(screen.queryByRole('button', {name: 'Join'})).not.toBeInTheDocument();
    });

    it('offers the new version when the document is updated, and reloads on demand', async () => {
        const fetchMock = routes(rights());
        const store = makeStore();
        renderWithStore(<FilePreview fileInfo={fileInfo('plan.docx', 'docx')} onModalDismissed={jest.fn()}/>, store);
        await screen.findByTestId('collabora-form');
        act(() => {
            (store.dispatch as unknown as AppDispatch)(handleDocumentUpdated({file_id: 'f1'}));
        });
        const reload = screen.getByRole('button', {name: 'Show the new version'});
        act(() => reload.click());
        await waitFor(() => expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/open'))).toHaveLength(2));
        expect(screen.queryByRole('button', {name: 'Show the new version'})).not.toBeInTheDocument();
    });
});

describe('makePreviewOverride', () => {
    it('overrides the formats the config allows, and nothing before the config is loaded', () => {
        const loaded = makePreviewOverride(() => makeStore().getState());
        expect(loaded(fileInfo('a.docx', 'docx'))).toBe(true);
        expect(loaded(fileInfo('a.pdf', 'pdf'))).toBe(false);
        expect(loaded(fileInfo('a.png', 'png'))).toBe(false);
        const unloaded = makePreviewOverride(() => makeStore(baseHostState(), {clientConfig: null}).getState());
        expect(unloaded(fileInfo('a.docx', 'docx'))).toBe(false);
        expect(testConfig.formats.pdf.view).toBe(true);
    });
});

// file_preview_modal.tsx flips attachments on arrow keyup heard on document.
it('keeps arrow keys used in its controls from flipping the attachment, and lets Escape through', async () => {
    routes(rights({canEdit: true, canChangePolicy: true}));
    renderWithStore(<FilePreview fileInfo={fileInfo('plan.docx', 'docx')} onModalDismissed={jest.fn()}/>);
    const select = await screen.findByRole('combobox');
    const heard: string[] = [];
    const listener = (e: KeyboardEvent) => heard.push(e.key);
    document.addEventListener('keyup', listener);
    for (const key of ['ArrowLeft', 'ArrowRight', 'Escape']) {
        select.dispatchEvent(new KeyboardEvent('keyup', {key, bubbles: true}));
    }

    // Pressed in the <select>, released after focus fell back to <body> (the select disables while saving).
    select.dispatchEvent(new KeyboardEvent('keydown', {key: 'ArrowRight', bubbles: true}));
    document.body.dispatchEvent(new KeyboardEvent('keyup', {key: 'ArrowRight', bubbles: true}));

    // Pressed outside: the modal flips, as it should.
    document.body.dispatchEvent(new KeyboardEvent('keyup', {key: 'ArrowLeft', bubbles: true}));
    document.removeEventListener('keyup', listener);
    expect(heard).toEqual(['Escape', 'ArrowLeft']);
});
