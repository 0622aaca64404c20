// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {Post} from '@mattermost/types/posts';
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';

import type {AppDispatch} from '../../actions';
import {client} from '../../client';
import {resetComposerContext, startTrackingComposer} from '../../composer_context';
import {session} from '../../../tests/collabora';
import {baseHostState, makeStore, mockFetch, pluginState, renderWithStore, rights, testConfig} from '../../../tests/helpers';
import Root from '../root';

import {baseName, openNewDocumentDialog} from './index';

const post = (id: string, rootId = ''): Post => ({id, root_id: rootId, channel_id: 'chan2'} as Post);

function hostWithThread() {
    const host = baseHostState();
    host.entities!.posts!.posts = {root1: post('root1'), reply1: post('reply1', 'root1')};
    host.views = {rhs: {selectedPostId: 'reply1'}};
    return host;
}

let stopTracking: () => void;
beforeEach(() => {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    resetComposerContext();
    stopTracking = startTrackingComposer();
    document.body.innerHTML = '<div id="channel_view"><button id="center-attach"></button></div><div id="sidebar-right"><button id="rhs-attach"></button></div>';
});
afterEach(() => stopTracking());

describe('where a new document goes', () => {
    it('goes to the current channel from the centre', () => {
        const store = makeStore(hostWithThread());
        fireEvent.pointerDown(document.getElementById('center-attach')!);
        (store.dispatch as unknown as AppDispatch)(openNewDocumentDialog());
        expect(pluginState(store).dialog).toEqual({kind: 'new_document', channelId: 'chan1', rootId: undefined});
    });

    it('goes to the thread (its root, in its channel) from the right-hand sidebar', () => {
        const store = makeStore(hostWithThread());
        fireEvent.pointerDown(document.getElementById('rhs-attach')!);
        const menu = document.createElement('div');
        document.body.appendChild(menu);
        fireEvent.pointerDown(menu);
        (store.dispatch as unknown as AppDispatch)(openNewDocumentDialog());
        expect(pluginState(store).dialog).toEqual({kind: 'new_document', channelId: 'chan2', rootId: 'root1'});
    });

    it('explains when Collabora is not set up', () => {
        const store = makeStore(baseHostState(), {clientConfig: {...testConfig, configured: false, error: 'No Collabora Online URL.'}});
        (store.dispatch as unknown as AppDispatch)(openNewDocumentDialog());
        expect(pluginState(store).dialog).toEqual({kind: 'notice', notice: 'not_configured', message: 'No Collabora Online URL.'});
    });
});

function openDialog(rootId?: string, format: 'ooxml' | 'odf' = 'ooxml') {
    const store = makeStore(baseHostState(), {
        clientConfig: {...testConfig, newDocumentFormat: format},
        dialog: {kind: 'new_document', channelId: 'chan1', rootId},
    });
    renderWithStore(<Root/>, store);
    return store;
}

describe('NewDocumentDialog', () => {
    it('creates the document in the channel and opens it in the editor', async () => {
        const fetchMock = mockFetch([
            {method: 'POST', path: '/api/v1/documents', body: {postId: 'p1', fileId: 'f1', fileName: 'Budget.xlsx'}},
            {method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canEdit: true})},
            {method: 'POST', path: '/api/v1/files/f1/open', body: session},
            {method: 'GET', path: '/api/v1/files/f1/editors', body: {editors: []}},
        ]);
        HTMLFormElement.prototype.submit = jest.fn();
        const store = openDialog();
        expect(screen.getByRole('dialog', {name: 'New document'})).toBeInTheDocument();
        expect(screen.getByText('It will be posted in this channel.')).toBeInTheDocument();
        fireEvent.change(screen.getByRole('textbox', {name: 'Name'}), {target: {value: 'Budget'}});
        fireEvent.click(screen.getByRole('radio', {name: /Spreadsheet/}));
        expect(screen.getByRole('radio', {name: /Spreadsheet/})).toBeChecked();
        act(() => screen.getByRole('button', {name: 'Create'}).click());
        await waitFor(() => expect(pluginState(store).editor).toEqual({fileId: 'f1', fileName: 'Budget.xlsx', mode: 'edit'}));
        expect(fetchMock.mock.calls[0][1]?.body).toBe(JSON.stringify({channelId: 'chan1', name: 'Budget', kind: 'spreadsheet'}));
        expect(pluginState(store).dialog).toBeNull();
    });

    it('sends the thread root when opened from a thread', async () => {
        const fetchMock = mockFetch([
            {method: 'POST', path: '/api/v1/documents', status: 500, body: {error: 'x', code: 'INTERNAL'}},
        ]);
        openDialog('root1');
        expect(screen.getByText('It will be posted as a reply in this thread.')).toBeInTheDocument();
        fireEvent.change(screen.getByRole('textbox', {name: 'Name'}), {target: {value: 'Notes.docx'}});
        act(() => screen.getByRole('button', {name: 'Create'}).click());
        await screen.findByRole('alert');
        expect(fetchMock.mock.calls[0][1]?.body).toBe(JSON.stringify({channelId: 'chan1', rootId: 'root1', name: 'Notes', kind: 'document'}));
    });

    it('shows server errors and stays open', async () => {
        mockFetch([{method: 'POST', path: '/api/v1/documents', status: 403, body: {error: 'You cannot post in this channel.', code: 'FORBIDDEN'}}]);
        const store = openDialog();
        fireEvent.change(screen.getByRole('textbox', {name: 'Name'}), {target: {value: 'Plan'}});
        act(() => screen.getByRole('button', {name: 'Create'}).click());
        expect(await screen.findByRole('alert')).toHaveTextContent('You cannot post in this channel.');
        expect(pluginState(store).dialog?.kind).toBe('new_document');
        expect(screen.getByRole('button', {name: 'Create'})).toBeEnabled();
    });

    it('checks the name before asking the server', () => {
        const fetchMock = mockFetch([]);
        openDialog();
        act(() => screen.getByRole('button', {name: 'Create'}).click());
        expect(screen.getByRole('alert')).toHaveTextContent('Enter a name for the new file.');
        fireEvent.change(screen.getByRole('textbox', {name: 'Name'}), {target: {value: 'a/b'}});
        act(() => screen.getByRole('button', {name: 'Create'}).click());
        expect(screen.getByRole('alert')).toHaveTextContent('cannot contain any of these characters');
        expect(fetchMock).not.toHaveBeenCalled();
    });

    it('shows the extensions of the configured format', () => {
        openDialog(undefined, 'odf');
        expect(screen.getByText('.odt')).toBeInTheDocument();
        expect(screen.getByText('.ods')).toBeInTheDocument();
        expect(screen.getByText('.odp')).toBeInTheDocument();
    });

    it('closes on Cancel and on Esc', () => {
        const store = openDialog();
        act(() => screen.getByRole('button', {name: 'Cancel'}).click());
        expect(pluginState(store).dialog).toBeNull();
        const again = openDialog();
        fireEvent.keyDown(screen.getByRole('textbox', {name: 'Name'}), {key: 'Escape'});
        expect(pluginState(again).dialog).toBeNull();
    });

    it('drops a typed extension that matches the kind', () => {
        expect(baseName(' Budget.XLSX ', 'xlsx')).toBe('Budget');
        expect(baseName('notes.txt', 'docx')).toBe('notes.txt');
    });
});
