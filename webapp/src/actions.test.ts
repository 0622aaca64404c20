// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {waitFor} from '@testing-library/react';

import {baseHostState, makeStore, mockFetch, pluginState, rights, testConfig} from '../tests/helpers';

import {
    fetchClientConfig, fetchEditorsOnce, handleDocumentUpdated, handleEditorsChanged, handlePolicyChanged, openDocument, parseEditors, resetEditorRequests,
} from './actions';
import type {AppDispatch} from './actions';
import {client} from './client';

const ana = {userId: 'u1', username: 'ana', displayName: 'Ana'};

beforeEach(() => {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    resetEditorRequests();
});

function setup(plugin = {}) {
    const store = makeStore(baseHostState(), plugin);
    return {store, dispatch: store.dispatch as unknown as AppDispatch};
}

describe('websocket events', () => {
    it('editors_changed replaces the editors of a file from its JSON string', () => {
        const {store, dispatch} = setup();
        dispatch(handleEditorsChanged({file_id: 'f1', doc_id: 'd1', editors: JSON.stringify([ana])}));
        expect(pluginState(store).editors.f1).toEqual([ana]);
        dispatch(handleEditorsChanged({file_id: 'f1', doc_id: 'd1', editors: '[]'}));
        expect(pluginState(store).editors.f1).toEqual([]);
    });

    it('parses editors defensively', () => {
        expect(parseEditors('not json')).toEqual([]);
        expect(parseEditors([ana, {userId: 3}, null])).toEqual([ana]);
        expect(parseEditors(undefined)).toEqual([]);
    });

    it('policy_changed updates known rights at once and asks the server for this user\'s new rights', async () => {
        const fetchMock = mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canEdit: false, policy: 'owner', reason: 'Only the owner can edit.'})}]);
        const {store, dispatch} = setup({rights: {f1: rights()}});
        dispatch(handlePolicyChanged({file_id: 'f1', doc_id: 'd1', policy: 'owner'}));
        expect(pluginState(store).rights.f1.policy).toBe('owner');
        await waitFor(() => expect(pluginState(store).rights.f1.canEdit).toBe(false));
        expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it('policy_changed for a file never looked at costs no request', () => {
        const fetchMock = mockFetch([]);
        const {store, dispatch} = setup();
        dispatch(handlePolicyChanged({file_id: 'f9', policy: 'owner'}));
        expect(pluginState(store).rights.f9).toBeUndefined();
        expect(fetchMock).not.toHaveBeenCalled();
    });

    it('document_updated bumps the version of the file', () => {
        const {store, dispatch} = setup();
        dispatch(handleDocumentUpdated({file_id: 'f1', doc_id: 'd1', post_id: 'p1'}));
        dispatch(handleDocumentUpdated({file_id: 'f1'}));
        dispatch(handleDocumentUpdated({}));
        expect(pluginState(store).documentVersions).toEqual({f1: 2});
    });
});

describe('loading', () => {
    it('fetches the client config, and keeps none when the server fails', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/client_config', body: {...testConfig, newDocumentFormat: 'odf'}}]);
        const {store, dispatch} = setup({clientConfig: null});
        await dispatch(fetchClientConfig());
        expect(pluginState(store).clientConfig?.newDocumentFormat).toBe('odf');

        mockFetch([{method: 'GET', path: '/api/v1/client_config', status: 500}]);
        const second = setup({clientConfig: null});
        await second.dispatch(fetchClientConfig());
        expect(pluginState(second.store).clientConfig).toBeNull();
    });

    it('keeps a newer editors_changed event over a slower first answer', async () => {
        let answer: (value: unknown) => void = () => undefined;
        globalThis.fetch = jest.fn(() => new Promise((resolve) => {
            answer = resolve;
        })) as unknown as typeof fetch;
        const {store, dispatch} = setup();
        const pending = dispatch(fetchEditorsOnce('f1'));
        dispatch(handleEditorsChanged({file_id: 'f1', editors: JSON.stringify([ana])}));
        answer({ok: true, status: 200, text: async () => '{"editors":[]}'});
        await pending;
        expect(pluginState(store).editors.f1).toEqual([ana]);
    });

    it('asks for the editors of a file once', async () => {
        const fetchMock = mockFetch([{method: 'GET', path: '/api/v1/files/f1/editors', body: {editors: [ana]}}]);
        const {store, dispatch} = setup();
        await dispatch(fetchEditorsOnce('f1'));
        await dispatch(fetchEditorsOnce('f1'));
        expect(fetchMock).toHaveBeenCalledTimes(1);
        expect(pluginState(store).editors.f1).toEqual([ana]);
    });
});

describe('openDocument', () => {
    const file = {id: 'f1', name: 'plan.docx', extension: 'docx'};

    type Expected = {kind: 'editor'; mode: string} | {kind: 'notice'; notice: string; message: string};
    it.each<[string, ReturnType<typeof rights>, Expected]>([
        ['edit', rights({canEdit: true}), {kind: 'editor', mode: 'edit'}],
        ['edit', rights({canEdit: false, reason: 'Only the owner can edit.'}), {kind: 'notice', notice: 'cannot_edit', message: 'Only the owner can edit.'}],
        ['auto', rights({canEdit: true}), {kind: 'editor', mode: 'edit'}],
        ['auto', rights({canEdit: false}), {kind: 'editor', mode: 'view'}],
        ['auto', rights({canEdit: false, canView: false, reason: 'Not in the channel.'}), {kind: 'notice', notice: 'cannot_open', message: 'Not in the channel.'}],
        ['view', rights({canEdit: true}), {kind: 'editor', mode: 'view'}],
    ])('%s with %p', async (wanted, answer, expected) => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: answer}]);
        const {store, dispatch} = setup();
        await dispatch(openDocument(file, wanted as 'edit' | 'view' | 'auto'));
        const state = pluginState(store);
        if (expected.kind === 'editor') {
            expect(state.editor).toEqual({fileId: 'f1', fileName: 'plan.docx', mode: expected.mode});
        } else {
            expect(state.editor).toBeNull();
            expect(state.dialog).toEqual({kind: 'notice', notice: expected.notice, message: expected.message});
        }
    });

    it('never edits a view-only format, whatever the rights', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f2/rights', body: rights({canEdit: true})}]);
        const {store, dispatch} = setup();
        await dispatch(openDocument({id: 'f2', name: 'deck.pages', extension: 'pages'}, 'auto'));
        expect(pluginState(store).editor?.mode).toBe('view');
    });

    it('shows the server error when the rights cannot be read', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', status: 404, body: {error: 'File not found.', code: 'NOT_FOUND'}}]);
        const {store, dispatch} = setup();
        await dispatch(openDocument(file, 'edit'));
        expect(pluginState(store).dialog).toEqual({kind: 'notice', notice: 'error', message: 'File not found.'});
    });
});
