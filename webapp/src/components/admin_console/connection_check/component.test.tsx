// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {client} from '../../../client';
import {mockFetch, renderWithStore} from '../../../../tests/helpers';

import ConnectionCheck from './index';

const results = [
    {id: 'discovery', ok: true, title: 'Discovery', detail: 'Collabora Online 24.04.6 answered in 80 ms.'},
    {id: 'proof_key', ok: true, title: 'Proof keys', detail: 'Present.'},
    {id: 'wopi_reachable', ok: false, title: 'Collabora can reach Mattermost', detail: 'Timed out after 5 s.', fix: 'Set "Mattermost URL for Collabora" to an address Collabora can reach.'},
    {id: 'clock_skew', ok: false, title: 'Clocks', detail: 'Off by 9 minutes.', fix: 'Synchronise both servers with NTP.'},
];

beforeEach(() => client.setBaseUrl('', 'com.collaboraonline.mattermost'));

describe('ConnectionCheck', () => {
    it('runs the check and lists each result, with fixes for failures', async () => {
        const fetchMock = mockFetch([{method: 'POST', path: '/api/v1/admin/check', body: {results}}]);
        renderWithStore(<ConnectionCheck id='ConnectionCheck'/>);
        act(() => screen.getByRole('button', {name: 'Run connection check'}).click());
        expect(screen.getByRole('button', {name: 'Checking…'})).toBeDisabled();
        expect(await screen.findByRole('status')).toHaveTextContent('2 checks failed.');
        expect(fetchMock.mock.calls[0][1]?.method).toBe('POST');
        expect(screen.getByTestId('collabora-check-discovery')).toHaveTextContent('Passed');
        expect(screen.getByTestId('collabora-check-discovery')).not.toHaveTextContent('How to fix');
        expect(screen.getByTestId('collabora-check-wopi_reachable')).toHaveTextContent('Failed');
        expect(screen.getByTestId('collabora-check-wopi_reachable')).toHaveTextContent('How to fix: Set "Mattermost URL for Collabora"');
        expect(screen.getByTestId('collabora-check-clock_skew')).toHaveTextContent('Synchronise both servers with NTP.');
        expect(screen.getByRole('button', {name: 'Run connection check'})).toBeEnabled();
    });

    it('says when everything passed', async () => {
        mockFetch([{method: 'POST', path: '/api/v1/admin/check', body: {results: results.slice(0, 2)}}]);
        renderWithStore(<ConnectionCheck id='ConnectionCheck'/>);
        act(() => screen.getByRole('button', {name: 'Run connection check'}).click());
        expect(await screen.findByRole('status')).toHaveTextContent('All checks passed.');
    });

    it('shows the error when the check cannot run', async () => {
        mockFetch([{method: 'POST', path: '/api/v1/admin/check', status: 403, body: {error: 'Only system admins can run the check.', code: 'FORBIDDEN'}}]);
        renderWithStore(<ConnectionCheck id='ConnectionCheck'/>);
        act(() => screen.getByRole('button', {name: 'Run connection check'}).click());
        expect(await screen.findByRole('alert')).toHaveTextContent('Only system admins can run the check.');
        await waitFor(() => expect(screen.getByRole('button', {name: 'Run connection check'})).toBeEnabled());
    });

    it('is disabled when the setting is', () => {
        renderWithStore(<ConnectionCheck id='ConnectionCheck' disabled={true}/>);
        expect(screen.getByRole('button', {name: 'Run connection check'})).toBeDisabled();
    });
});
