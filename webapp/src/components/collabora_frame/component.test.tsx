// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {client} from '../../client';
import {COLLABORA, collaboraSays, frameWindow, session} from '../../../tests/collabora';
import {mockFetch, renderWithStore} from '../../../tests/helpers';

import CollaboraFrame from './index';

let submit: jest.Mock;
beforeEach(() => {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    submit = jest.fn();
    HTMLFormElement.prototype.submit = submit;
});

afterEach(() => {
    jest.useRealTimers();
});

async function renderFrame(props: Partial<React.ComponentProps<typeof CollaboraFrame>> = {}) {
    const utils = renderWithStore(
        <CollaboraFrame fileId='file1' fileName='report.docx' mode='view' {...props}/>,
    );
    await waitFor(() => expect(submit).toHaveBeenCalled());
    return utils;
}

describe('CollaboraFrame', () => {
    it('posts the token in a form into a uniquely named iframe, never in the URL', async () => {
        const fetchMock = mockFetch([{method: 'POST', path: '/api/v1/files/file1/open', body: session}]);
        await renderFrame({urlParams: {closebutton: '1'}});

        expect(fetchMock.mock.calls[0][1].body).toBe(JSON.stringify({mode: 'view'}));
        const form = screen.getByTestId('collabora-form') as HTMLFormElement;
        const iframe = screen.getByTestId('collabora-iframe') as HTMLIFrameElement;
        expect(form.method).toBe('post');
        expect(form.target).toBe(iframe.name);
        expect(iframe.name).toMatch(/^collabora_frame_\d+_/);
        expect(form.getAttribute('action')).toBe(`${session.actionUrl}&closebutton=1&lang=en`);
        expect(form.getAttribute('action')).not.toContain('secret-token');
        expect(iframe.getAttribute('src')).toBeNull();
        expect((form.elements.namedItem('access_token') as HTMLInputElement).value).toBe('secret-token');
        expect((form.elements.namedItem('access_token_ttl') as HTMLInputElement).value).toBe('1900000000000');
        expect(screen.getByRole('status')).toHaveTextContent('Opening report.docx');
    });

    it('gives two viewers different frame names', async () => {
        mockFetch([{method: 'POST', path: /\/open$/, body: session}]);
        renderWithStore(
            <>
                <CollaboraFrame fileId='file1' fileName='a.docx' mode='view'/>
                <CollaboraFrame fileId='file1' fileName='a.docx' mode='view'/>
            </>,
        );
        await waitFor(() => expect(screen.getAllByTestId('collabora-iframe')).toHaveLength(2));
        const [a, b] = screen.getAllByTestId('collabora-iframe') as HTMLIFrameElement[];
        expect(a.name).not.toBe(b.name);
    });

    it('ignores messages from other origins and other windows, then loads on Document_Loaded', async () => {
        mockFetch([{method: 'POST', path: '/api/v1/files/file1/open', body: session}]);
        const onLoaded = jest.fn();
        const onMessage = jest.fn();
        await renderFrame({onLoaded, onMessage});
        const postMessage = jest.spyOn(frameWindow(), 'postMessage');

        collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'}, 'https://evil.example.com');
        collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'}, COLLABORA, window);
        expect(onLoaded).not.toHaveBeenCalled();
        expect(onMessage).not.toHaveBeenCalled();
        expect(screen.getByRole('status')).toBeInTheDocument();

        collaboraSays('App_LoadingStatus', {Status: 'Frame_Ready'});
        expect(onLoaded).not.toHaveBeenCalled();
        collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'});
        expect(onLoaded).toHaveBeenCalledTimes(1);
        expect(screen.queryByRole('status')).not.toBeInTheDocument();
        expect(postMessage).toHaveBeenCalledWith(expect.stringContaining('"MessageId":"Host_PostmessageReady"'), COLLABORA);
        expect(onMessage).toHaveBeenCalledWith(expect.objectContaining({MessageId: 'App_LoadingStatus'}));
    });

    it('says Collabora is unreachable when nothing answers in time', async () => {
        jest.useFakeTimers();
        mockFetch([{method: 'POST', path: /\/open$/, body: session}]);
        renderWithStore(<CollaboraFrame fileId='file1' fileName='a.docx' mode='view' loadTimeoutMs={1000}/>);
        await act(async () => {
            await jest.advanceTimersByTimeAsync(10);
        });
        expect(submit).toHaveBeenCalled();
        await act(async () => {
            await jest.advanceTimersByTimeAsync(1000);
        });
        expect(screen.getByTestId('collabora-error-unreachable')).toHaveTextContent('did not respond');
    });

    it('says the document failed when Collabora answered but never loaded', async () => {
        jest.useFakeTimers();
        mockFetch([{method: 'POST', path: /\/open$/, body: session}]);
        renderWithStore(<CollaboraFrame fileId='file1' fileName='a.docx' mode='view' loadTimeoutMs={1000}/>);
        await act(async () => {
            await jest.advanceTimersByTimeAsync(10);
        });
        collaboraSays('App_LoadingStatus', {Status: 'Frame_Ready'});
        await act(async () => {
            await jest.advanceTimersByTimeAsync(1000);
        });
        expect(screen.getByTestId('collabora-error-failed')).toBeInTheDocument();
    });

    it('explains a refused token', async () => {
        mockFetch([{method: 'POST', path: /\/open$/, body: session}]);
        await renderFrame();
        collaboraSays('Action_Load_Resp', {success: false, errorType: 'websocketunauthorized', errorMsg: 'unauthorized'});
        expect(screen.getByTestId('collabora-error-token')).toHaveTextContent('refused the access token');
    });

    it('shows the server reason when rights are refused, and retries on demand', async () => {
        const fetchMock = mockFetch([{method: 'POST', path: /\/open$/, status: 403, body: {error: 'You left the channel.', code: 'FORBIDDEN'}}]);
        renderWithStore(<CollaboraFrame fileId='file1' fileName='a.docx' mode='edit'/>);
        const alert = await screen.findByTestId('collabora-error-rights');
        expect(alert).toHaveTextContent('You left the channel.');
        act(() => screen.getByRole('button', {name: 'Try again'}).click());
        await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    });

    it('reports a closed session', async () => {
        mockFetch([{method: 'POST', path: /\/open$/, body: session}]);
        await renderFrame();
        collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'});
        collaboraSays('Session_Closed', {Reason: 'OwnerTermination'});
        expect(screen.getByTestId('collabora-error-session_closed')).toHaveTextContent('OwnerTermination');
    });
});
