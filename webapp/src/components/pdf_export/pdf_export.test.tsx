// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {FileInfo} from '@mattermost/types/files';
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';

import type {AppDispatch} from '../../actions';
import {ClientError} from '../../client';
import type {PdfExport} from '../../client';
import type {HostState} from '../../selectors';
import {baseHostState, makeStore, renderWithStore} from '../../../tests/helpers';
import {makeFileMenuActions} from '../file_menu';

import {ExportStore} from './export_store';
import {exportStore, ExportPanel, PdfExportButton} from './index';

const job = (fields: Partial<PdfExport> = {}): PdfExport => ({
    jobId: 'j1', fileId: 'f1', state: 'queued', pdfName: 'plan.pdf', sentBytes: 0, totalBytes: 100, receivedBytes: 0, ...fields,
});

// A server whose answers the test scripts: each GET returns the next state.
function fakeApi(states: Array<Partial<PdfExport>>) {
    const polls = [...states];
    return {
        startPdfExport: jest.fn(async () => job()),
        getPdfExport: jest.fn(async () => job(polls.length > 1 ? polls.shift() : polls[0])),
        cancelPdfExport: jest.fn(async () => job({state: 'cancelled'})),
    };
}

describe('ExportStore', () => {
    it('follows an export until it ends, then stops asking', async () => {
        const api = fakeApi([{state: 'converting', sentBytes: 50}, {state: 'posting', sentBytes: 100}, {state: 'done', postId: 'p1'}]);
        const store = new ExportStore(api, 5);
        const seen: string[] = [];
        store.subscribe(() => seen.push(store.getSnapshot().f1?.job?.state ?? 'none'));
        await store.start('f1', 'plan.docx');
        await waitFor(() => expect(store.getSnapshot().f1.job?.state).toBe('done'));
        expect(seen).toEqual(['none', 'queued', 'converting', 'posting', 'done']);
        const calls = api.getPdfExport.mock.calls.length;
        await new Promise((r) => setTimeout(r, 30));
        expect(api.getPdfExport.mock.calls.length).toBe(calls);
    });

    it('does not start a second export of a file while one runs', async () => {
        const api = fakeApi([{state: 'converting'}]);
        const store = new ExportStore(api, 1000);
        await store.start('f1', 'plan.docx');
        await store.start('f1', 'plan.docx');
        expect(api.startPdfExport).toHaveBeenCalledTimes(1);
        await store.cancel('f1');
        expect(store.getSnapshot().f1.job?.state).toBe('cancelled');
    });

    it('keeps the server\'s reason when the export cannot start', async () => {
        const api = {...fakeApi([]), startPdfExport: jest.fn(async () => {
            throw new ClientError('File sharing and downloads are turned off in Mattermost, so documents cannot be exported.', 403, 'DOWNLOADS_DISABLED');
        })};
        const store = new ExportStore(api, 5);
        await store.start('f1', 'plan.docx');
        expect(store.getSnapshot().f1).toMatchObject({job: null, error: expect.stringMatching(/turned off/)});
    });
});

describe('the export panel and the editor button', () => {
    afterEach(() => {
        act(() => exportStore.dismiss('f1'));
    });

    it('shows progress and Cancel while converting, then the reason when it fails', async () => {
        const api = fakeApi([{state: 'converting', sentBytes: 100}, {state: 'failed', code: 'CONVERSION_NOT_ALLOWED', reason: 'Collabora Online refused to convert for this Mattermost server (HTTP 403): add the Mattermost server\'s address to net.post_allow in coolwsd.xml.'}]);
        Object.assign(exportStore, {api, pollMs: 20});
        renderWithStore(<><PdfExportButton fileId='f1' fileName='plan.docx'/><ExportPanel/></>);
        fireEvent.click(screen.getByTestId('collabora-export-pdf'));
        await screen.findByText('Collabora Online is converting it…');
        expect(screen.getByTestId('collabora-export-pdf')).toBeDisabled();
        expect(screen.getByTestId('collabora-pdf-cancel')).toBeInTheDocument();
        expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
        await screen.findByText(/net\.post_allow/);
        expect(screen.getByTestId('collabora-pdf-export-f1')).toHaveAttribute('data-state', 'failed');
        expect(screen.queryByTestId('collabora-pdf-cancel')).toBeNull();
        expect(screen.getByTestId('collabora-export-pdf')).toBeEnabled();
    });

    it('cancels from the panel', async () => {
        const api = fakeApi([{state: 'converting', sentBytes: 10}]);
        Object.assign(exportStore, {api, pollMs: 20});
        renderWithStore(<><PdfExportButton fileId='f1' fileName='plan.docx'/><ExportPanel/></>);
        fireEvent.click(screen.getByTestId('collabora-export-pdf'));
        fireEvent.click(await screen.findByTestId('collabora-pdf-cancel'));
        await screen.findByText('Cancelled: nothing was posted.');
        expect(api.cancelPdfExport).toHaveBeenCalledWith('j1');
    });

    it('is hidden, in the editor and in the attachment menu, when Mattermost\'s file sharing is off', () => {
        const host: HostState = baseHostState();
        host.entities!.general!.config = {...host.entities!.general!.config, EnableFileAttachments: 'false'} as never;
        renderWithStore(<PdfExportButton fileId='f1' fileName='plan.docx'/>, makeStore(host));
        expect(screen.queryByTestId('collabora-export-pdf')).toBeNull();

        const file = {id: 'f1', name: 'plan.docx', extension: 'docx'} as FileInfo;
        const off = makeStore(host);
        expect(makeFileMenuActions({getState: () => off.getState() as HostState, dispatch: off.dispatch as unknown as AppDispatch}).pdfMatch(file)).toBe(false);
        const on = makeStore();
        expect(makeFileMenuActions({getState: () => on.getState() as HostState, dispatch: on.dispatch as unknown as AppDispatch}).pdfMatch(file)).toBe(true);
        expect(makeFileMenuActions({getState: () => on.getState() as HostState, dispatch: on.dispatch as unknown as AppDispatch}).pdfMatch({...file, name: 'photo.png', extension: 'png'})).toBe(false);
    });
});
