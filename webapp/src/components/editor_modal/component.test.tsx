// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {openEditor, resetEditorRequests} from '../../actions';
import {client} from '../../client';
import type {OpenMode} from '../../client';
import {receivedRights} from '../../actions';
import {COLLABORA, collaboraSays, frameWindow, sentToFrame, session} from '../../../tests/collabora';
import {makeStore, mockFetch, pluginState, renderWithStore, rights} from '../../../tests/helpers';

import EditorModal, {Editor, PRESENCE_HEARTBEAT_MS, resetHistoryEntry} from './index';

const revisions = [
    {fileId: 'r-old', size: 2048, createdAt: 1700000000000, userId: 'u1', userDisplayName: 'Ana', current: false},
    {fileId: 'f1', size: 4096, createdAt: 1700000100000, userId: 'u2', userDisplayName: 'Ben', current: true},
];

function routes() {
    return mockFetch([
        {method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canEdit: true})},
        {method: 'GET', path: '/api/v1/files/f1/editors', body: {editors: []}},
        {method: 'POST', path: '/api/v1/files/f1/editors', body: {editors: []}},
        {method: 'POST', path: '/api/v1/files/f1/open', body: {...session, mode: 'edit'}},
        {method: 'GET', path: '/api/v1/files/f1/revisions', body: {revisions}},
        {method: 'POST', path: '/api/v1/files/f1/revisions/r-old/restore', body: {fileId: 'f1'}},
        {method: 'POST', path: '/api/v1/files/f1/link', body: {url: 'https://mm.example.com/plugins/x/link/abc'}},
        {method: 'GET', path: '/api/v1/files/f1/lock', body: {locked: true, holderId: 'me', contested: false, canRelease: true}},
    ]);
}

let submit: jest.Mock;
let back: jest.SpyInstance;
beforeEach(() => {
    // history.back() is asynchronous in jsdom; a real one would land in the next test.
    resetHistoryEntry();
    back = jest.spyOn(window.history, 'back').mockImplementation(() => undefined);
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    resetEditorRequests();
    submit = jest.fn();
    HTMLFormElement.prototype.submit = submit;
});

afterEach(() => {
    jest.useRealTimers();
    back.mockRestore();
});

async function openModal(mode: OpenMode = 'edit') {
    const fetchMock = routes();
    const store = makeStore();
    store.dispatch(openEditor({fileId: 'f1', fileName: 'plan.docx', mode}));
    renderWithStore(<EditorModal/>, store);
    await waitFor(() => expect(submit).toHaveBeenCalled());
    await waitFor(() => expect(pluginState(store).rights.f1).toBeDefined());
    const toFrame = jest.spyOn(frameWindow(), 'postMessage');
    return {store, fetchMock, toFrame};
}

async function openLoaded(mode: OpenMode = 'edit') {
    const opened = await openModal(mode);
    collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'});
    return opened;
}

const isOpen = (store: ReturnType<typeof makeStore>) => pluginState(store).editor !== null;

describe('EditorModal loading', () => {
    it('renders nothing while no editor is requested', () => {
        const {container} = renderWithStore(<EditorModal/>);
        expect(container).toBeEmptyDOMElement();
    });

    it('shows progress until Document_Loaded, then enables the PostMessage API', async () => {
        const {fetchMock, toFrame} = await openModal();
        expect(screen.getByRole('dialog', {name: 'plan.docx'})).toBeInTheDocument();
        expect(screen.getByTestId('collabora-editor-title')).toHaveTextContent('plan.docx');
        expect(screen.getByRole('status')).toHaveTextContent('Opening plan.docx');
        const action = screen.getByTestId('collabora-form').getAttribute('action') ?? '';
        expect(action).toContain('closebutton=1');
        expect(action).toContain('revisionhistory=1');
        expect(fetchMock.mock.calls.find(([url]) => String(url).endsWith('/open'))?.[1]?.body).toBe('{"mode":"edit"}');

        collaboraSays('App_LoadingStatus', {Status: 'Frame_Ready'});
        expect(toFrame).not.toHaveBeenCalled();
        collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'});
        expect(screen.queryByText(/Opening plan.docx/)).not.toBeInTheDocument();
        const sent = sentToFrame(toFrame);
        expect(sent.map((m) => m.MessageId)).toEqual(['Host_PostmessageReady', 'Disable_Default_UIAction', 'Get_Views']);
        expect(sent[1].Values).toEqual({action: 'UI_Close', disable: true});
        expect(toFrame.mock.calls.every((call) => String(call[1]) === COLLABORA)).toBe(true);
    });

    it('shows a clear error instead of a blank frame when Collabora never answers', async () => {
        jest.useFakeTimers();
        routes();
        renderWithStore(<Editor target={{fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}} loadTimeoutMs={2000}/>);
        await act(async () => {
            await jest.advanceTimersByTimeAsync(10);
        });
        expect(submit).toHaveBeenCalled();
        await act(async () => {
            await jest.advanceTimersByTimeAsync(2000);
        });
        expect(screen.getByTestId('collabora-error-unreachable')).toBeInTheDocument();
    });
});

describe('EditorModal presence', () => {
    const presence = (fetchMock: jest.Mock) => fetchMock.mock.calls.
        filter(([url, init]) => String(url).endsWith('/api/v1/files/f1/editors') && init?.method === 'POST').
        map(([, init]) => JSON.parse(String(init?.body)).action as string);

    it('joins when opened, heartbeats while open and leaves when closed', async () => {
        const {store, fetchMock} = await openLoaded();
        expect(presence(fetchMock)).toEqual(['join']);
        act(() => screen.getByTestId('collabora-editor-close').click());
        expect(isOpen(store)).toBe(false);
        expect(presence(fetchMock)).toEqual(['join', 'leave']);
    });

    it('sends a heartbeat well within the server\'s two minutes', async () => {
        jest.useFakeTimers();
        const fetchMock = routes();
        const view = renderWithStore(<Editor target={{fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}}/>);
        await act(async () => {
            await jest.advanceTimersByTimeAsync(PRESENCE_HEARTBEAT_MS);
        });
        expect(PRESENCE_HEARTBEAT_MS).toBeLessThan(120_000);
        expect(presence(fetchMock)).toEqual(['join', 'heartbeat']);
        view.unmount();
    });
});

describe('EditorModal closing', () => {
    it('closes on its own close button when nothing is unsaved', async () => {
        const {store} = await openLoaded();
        act(() => screen.getByTestId('collabora-editor-close').click());
        expect(isOpen(store)).toBe(false);
        expect(screen.queryByTestId('collabora-editor')).not.toBeInTheDocument();
    });

    it('closes on UI_Close from Collabora, but not from another origin', async () => {
        const {store} = await openLoaded();
        collaboraSays('UI_Close', {EverModified: false}, 'https://evil.example.com');
        expect(isOpen(store)).toBe(true);
        collaboraSays('UI_Close', {EverModified: false});
        expect(isOpen(store)).toBe(false);
    });

    it('warns before closing with unsaved changes: keep editing, or close anyway', async () => {
        const {store} = await openLoaded();
        collaboraSays('Doc_ModifiedStatus', {Modified: true});
        act(() => screen.getByTestId('collabora-editor-close').click());
        expect(screen.getByRole('dialog', {name: 'Unsaved changes'})).toBeInTheDocument();
        act(() => screen.getByRole('button', {name: 'Keep editing'}).click());
        expect(isOpen(store)).toBe(true);
        expect(screen.queryByTestId('collabora-close-guard')).not.toBeInTheDocument();

        collaboraSays('UI_Close', {EverModified: true});
        act(() => screen.getByRole('button', {name: 'Close anyway'}).click());
        expect(isOpen(store)).toBe(false);
    });

    it('no longer warns once Collabora reports the document saved', async () => {
        const {store} = await openLoaded();
        collaboraSays('Doc_ModifiedStatus', {Modified: true});
        collaboraSays('Doc_ModifiedStatus', {Modified: false});
        act(() => screen.getByTestId('collabora-editor-close').click());
        expect(isOpen(store)).toBe(false);
    });

    it('saves and then closes', async () => {
        const {store, toFrame} = await openLoaded();
        collaboraSays('Doc_ModifiedStatus', {Modified: 'true'});
        act(() => screen.getByTestId('collabora-editor-close').click());
        act(() => screen.getByRole('button', {name: 'Save and close'}).click());
        const save = sentToFrame(toFrame).find((m) => m.MessageId === 'Action_Save');
        expect(save?.Values).toEqual({DontTerminateEdit: true, DontSaveIfUnmodified: true, Notify: true});
        expect(isOpen(store)).toBe(true);
        collaboraSays('Action_Save_Resp', {success: true});
        expect(isOpen(store)).toBe(false);
    });

    it('stays open and says so when saving fails', async () => {
        const {store} = await openLoaded();
        collaboraSays('Doc_ModifiedStatus', {Modified: true});
        act(() => screen.getByTestId('collabora-editor-close').click());
        act(() => screen.getByRole('button', {name: 'Save and close'}).click());
        collaboraSays('Action_Save_Resp', {success: false, errorMsg: 'Storage is full.'});
        expect(isOpen(store)).toBe(true);
        expect(screen.getByText(/Saving failed. Storage is full./)).toBeInTheDocument();
    });

    it('closes on Esc, and Esc with unsaved changes only warns', async () => {
        const {store} = await openLoaded();
        collaboraSays('Doc_ModifiedStatus', {Modified: true});
        fireEvent.keyDown(window, {key: 'Escape'});
        expect(screen.getByTestId('collabora-close-guard')).toBeInTheDocument();
        fireEvent.keyDown(screen.getByTestId('collabora-close-guard'), {key: 'Escape'});
        expect(screen.queryByTestId('collabora-close-guard')).not.toBeInTheDocument();
        expect(isOpen(store)).toBe(true);
        collaboraSays('Doc_ModifiedStatus', {Modified: false});
        fireEvent.keyDown(window, {key: 'Escape'});
        expect(isOpen(store)).toBe(false);
    });

    it('pushes a history entry, and browser Back closes the editor', async () => {
        const pushState = jest.spyOn(window.history, 'pushState');
        const {store} = await openLoaded();
        expect(pushState).toHaveBeenCalledWith({collaboraEditor: true}, '');
        act(() => {
            window.dispatchEvent(new PopStateEvent('popstate', {state: null}));
        });
        expect(isOpen(store)).toBe(false);
        pushState.mockRestore();
    });

    it('Back with unsaved changes warns and keeps the history entry', async () => {
        const pushState = jest.spyOn(window.history, 'pushState');
        const {store} = await openLoaded();
        collaboraSays('Doc_ModifiedStatus', {Modified: true});
        act(() => {
            window.dispatchEvent(new PopStateEvent('popstate', {state: null}));
        });
        expect(isOpen(store)).toBe(true);
        expect(screen.getByTestId('collabora-close-guard')).toBeInTheDocument();
        expect(pushState).toHaveBeenCalledTimes(2);
        pushState.mockRestore();
    });

    it('drops its history entry when closed by other means, and does not take that for Back', async () => {
        const pushState = jest.spyOn(window.history, 'pushState');
        const {store} = await openLoaded();
        act(() => screen.getByTestId('collabora-editor-close').click());
        expect(back).toHaveBeenCalledTimes(1);

        // Another editor opens before the asynchronous back() has landed: it pushes only afterwards.
        act(() => {
            store.dispatch(openEditor({fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}));
        });
        expect(pushState).toHaveBeenCalledTimes(1);
        act(() => {
            window.dispatchEvent(new PopStateEvent('popstate', {state: null}));
        });
        expect(isOpen(store)).toBe(true);
        expect(pushState).toHaveBeenCalledTimes(2);

        // A switch to read-only keeps the same entry.
        act(() => {
            store.dispatch(openEditor({fileId: 'f1', fileName: 'plan.docx', mode: 'view'}));
        });
        expect(pushState).toHaveBeenCalledTimes(2);
        expect(back).toHaveBeenCalledTimes(1);
        pushState.mockRestore();
    });
});

describe('EditorModal and the PostMessage API', () => {
    it('lists versions on UI_FileVersions and restores one after Collabora saved', async () => {
        const {fetchMock, toFrame} = await openLoaded();
        collaboraSays('UI_FileVersions');
        const panel = await screen.findByTestId('collabora-revisions');
        expect(await screen.findByTestId('collabora-revision-r-old')).toHaveTextContent('Ana · 2.0 KB');
        expect(screen.getByTestId('collabora-revision-f1')).toHaveTextContent('Current version');
        expect(panel.querySelectorAll('li')[0]).toHaveAttribute('data-testid', 'collabora-revision-f1');

        act(() => screen.getByRole('button', {name: 'Restore'}).click());
        await waitFor(() => expect(sentToFrame(toFrame).some((m) => m.MessageId === 'Host_VersionRestore')).toBe(true));
        expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/restore'))).toBe(false);
        collaboraSays('App_VersionRestore', {Status: 'Pre_Restore_Ack'});
        await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/restore'))).toBe(true));
        await waitFor(() => expect(fetchMock.mock.calls.filter(([url]) => String(url).endsWith('/open'))).toHaveLength(2));
        expect(screen.queryByTestId('collabora-revisions')).not.toBeInTheDocument();
        expect(screen.getByText('The version was restored.')).toBeInTheDocument();
    });

    it('answers UI_SaveAs with a name picker and Action_SaveAs, then reports the new name', async () => {
        const {toFrame} = await openLoaded();
        collaboraSays('UI_SaveAs', {format: 'pdf'});
        const input = screen.getByRole('textbox', {name: 'File name'});
        expect(input).toHaveValue('plan.pdf');
        fireEvent.change(input, {target: {value: 'plan final.pdf'}});
        act(() => screen.getByRole('button', {name: 'Save'}).click());
        expect(sentToFrame(toFrame).find((m) => m.MessageId === 'Action_SaveAs')?.Values).toEqual({Filename: 'plan final.pdf', Notify: true});
        collaboraSays('Action_Save_Resp', {success: true, fileName: 'plan%20final.pdf'});
        expect(screen.getByText('Saved as plan final.pdf')).toBeInTheDocument();
    });

    it('follows File_Rename in the header', async () => {
        const {store} = await openLoaded();
        collaboraSays('File_Rename', {NewName: 'plan%20v2.docx'});
        expect(screen.getByTestId('collabora-editor-title')).toHaveTextContent('plan v2.docx');
        expect(pluginState(store).editor?.fileName).toBe('plan v2.docx');
    });

    it('opens the one-time link in a new tab', async () => {
        const tab = {opener: {}, location: {href: ''}, close: jest.fn()};
        const open = jest.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
        await openLoaded();
        act(() => screen.getByRole('button', {name: 'Open in a new tab'}).click());
        expect(open).toHaveBeenCalledWith('', '_blank');
        await waitFor(() => expect(tab.location.href).toBe('https://mm.example.com/plugins/x/link/abc'));
        expect(tab.opener).toBeNull();
        open.mockRestore();
    });

    it('says so when editing rights are lost mid-session, and reopens read-only', async () => {
        const {store} = await openLoaded();
        act(() => {
            store.dispatch(receivedRights('f1', rights({canEdit: false, reason: 'The owner made it view only.'})));
        });
        expect(screen.getByTestId('collabora-rights-lost')).toHaveTextContent('The owner made it view only.');
        act(() => screen.getByRole('button', {name: 'Reopen read-only'}).click());
        expect(pluginState(store).editor?.mode).toBe('view');
    });
});
