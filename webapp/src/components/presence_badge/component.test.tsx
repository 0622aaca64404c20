// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {FileInfo} from '@mattermost/types/files';
import type {Post} from '@mattermost/types/posts';
import {act, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {handleEditorsChanged, resetEditorRequests} from '../../actions';
import type {AppDispatch} from '../../actions';
import {client} from '../../client';
import type {Editor} from '../../client';
import {baseHostState, makeStore, mockFetch, pluginState, renderWithStore, rights} from '../../../tests/helpers';

import PostPresence from './index';

const ana: Editor = {userId: 'u1', username: 'ana', displayName: 'Ana'};
const ben: Editor = {userId: 'u2', username: 'ben', displayName: 'Ben'};
const cid: Editor = {userId: 'u3', username: 'cid', displayName: ''};
const dee: Editor = {userId: 'u4', username: 'dee', displayName: 'Dee'};
const me: Editor = {userId: 'me', username: 'me', displayName: 'Me'};

const fileInfo = (id: string, name: string, extension: string): FileInfo => ({id, name, extension, user_id: 'u1', channel_id: 'chan1'} as FileInfo);

function hostWithPost(files: FileInfo[]) {
    const host = baseHostState();
    host.entities!.posts!.posts = {p1: {id: 'p1', channel_id: 'chan1', metadata: {files}} as unknown as Post};
    return host;
}

function renderPost(files: FileInfo[], editors: Record<string, Editor[]> = {}) {
    const fetchMock = mockFetch([
        {method: 'GET', path: /\/api\/v1\/files\/f\d\/editors$/, body: {editors: []}},
        {method: 'GET', path: /\/rights$/, body: rights({canEdit: true})},
        {method: 'POST', path: /\/open$/, body: {}},
    ]);
    const store = makeStore(hostWithPost(files), {editors});
    renderWithStore(<PostPresence postId='p1'/>, store);
    const update = (fileId: string, list: Editor[]) => act(() => {
        (store.dispatch as unknown as AppDispatch)(handleEditorsChanged({file_id: fileId, doc_id: 'd', editors: JSON.stringify(list)}));
    });
    return {store, fetchMock, update};
}

beforeEach(() => {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    resetEditorRequests();
});

describe('PostPresence', () => {
    it('renders nothing for posts without office attachments, and asks nothing', () => {
        const {fetchMock} = renderPost([fileInfo('f1', 'photo.png', 'png')]);
        expect(screen.queryByTestId(/collabora-presence/)).not.toBeInTheDocument();
        expect(fetchMock).not.toHaveBeenCalled();
    });

    it('asks who is editing each office attachment once, and shows it', async () => {
        const {fetchMock, update} = renderPost([fileInfo('f1', 'plan.docx', 'docx')]);
        await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
        expect(String(fetchMock.mock.calls[0][0])).toMatch(/\/files\/f1\/editors$/);
        update('f1', [ana, ben]);
        expect(screen.getByTestId('collabora-presence-f1')).toHaveTextContent('Ana and Ben are editing');
    });

    it.each([
        [[ana], 'Ana is editing'],
        [[ana, ben], 'Ana and Ben are editing'],
        [[ana, ben, cid], 'Ana, Ben and 1 other are editing'],
        [[ana, ben, cid, dee], 'Ana, Ben and 2 others are editing'],
        [[me, ana], 'Ana is editing'],
    ])('words %p', (editors, text) => {
        renderPost([fileInfo('f1', 'plan.docx', 'docx')], {f1: editors});
        expect(screen.getByTestId('collabora-presence-f1')).toHaveTextContent(text);
    });

    it('hides the badge when only I am editing, or nobody any more', () => {
        const {update} = renderPost([fileInfo('f1', 'plan.docx', 'docx')], {f1: [me]});
        expect(screen.queryByTestId('collabora-presence-f1')).not.toBeInTheDocument();
        update('f1', [ana]);
        expect(screen.getByTestId('collabora-presence-f1')).toBeInTheDocument();
        update('f1', []);
        expect(screen.queryByTestId('collabora-presence-f1')).not.toBeInTheDocument();
    });

    it('names the file when the post has several office attachments', () => {
        renderPost([fileInfo('f1', 'plan.docx', 'docx'), fileInfo('f2', 'budget.xlsx', 'xlsx')], {f1: [ana], f2: [ben]});
        expect(screen.getByTestId('collabora-presence-f1')).toHaveTextContent('plan.docx');
        expect(screen.getByTestId('collabora-presence-f2')).toHaveTextContent('Ben is editing');
    });

    it('joins the session in the editor', async () => {
        HTMLFormElement.prototype.submit = jest.fn();
        const {store} = renderPost([fileInfo('f1', 'plan.docx', 'docx')], {f1: [ana]});
        act(() => screen.getByRole('button', {name: 'Join'}).click());
        await waitFor(() => expect(pluginState(store).editor).toEqual({fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}));
    });
});

// Inside Mattermost's ShowMore, a pluggable that grows must say so (post_message_view.tsx).
it('reports its height to the host when the badge appears and goes', () => {
    const spy = jest.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
        return this.textContent ? 28 : 0;
    });
    mockFetch([{method: 'GET', path: /\/editors$/, body: {editors: []}}]);
    const store = makeStore(hostWithPost([fileInfo('f1', 'plan.docx', 'docx')]), {editors: {}});
    const onHeightChange = jest.fn();
    renderWithStore(<PostPresence postId='p1' onHeightChange={onHeightChange}/>, store);
    expect(onHeightChange).not.toHaveBeenCalled();
    act(() => {
        (store.dispatch as unknown as AppDispatch)(handleEditorsChanged({file_id: 'f1', doc_id: 'd', editors: JSON.stringify([ana])}));
    });
    expect(onHeightChange).toHaveBeenLastCalledWith(28);
    act(() => {
        (store.dispatch as unknown as AppDispatch)(handleEditorsChanged({file_id: 'f1', doc_id: 'd', editors: '[]'}));
    });
    expect(onHeightChange).toHaveBeenLastCalledWith(0);
    expect(onHeightChange).toHaveBeenCalledTimes(2);
    spy.mockRestore();
});
