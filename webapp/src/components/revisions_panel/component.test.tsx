// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, screen} from '@testing-library/react';
import React from 'react';

import {client} from '../../client';
import {mockFetch, renderWithStore} from '../../../tests/helpers';

import RevisionsPanel, {formatSize} from './index';

beforeEach(() => client.setBaseUrl('', 'com.collaboraonline.mattermost'));

describe('RevisionsPanel', () => {
    it('says when there are no earlier versions', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/revisions', body: {revisions: []}}]);
        renderWithStore(<RevisionsPanel fileId='f1' onClose={jest.fn()} onRestore={jest.fn()}/>);
        expect(await screen.findByText('No earlier versions yet.')).toBeInTheDocument();
    });

    it('shows why the list or a restore failed', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/revisions', body: {revisions: [
            {fileId: 'r1', size: 10, createdAt: 1, userId: 'u', userDisplayName: 'Ana', current: false},
        ]}}]);
        const onRestore = jest.fn(async () => {
            throw new Error('The file is locked.');
        });
        renderWithStore(<RevisionsPanel fileId='f1' onClose={jest.fn()} onRestore={onRestore}/>);
        const restore = await screen.findByRole('button', {name: 'Restore'});
        act(() => restore.click());
        await screen.findByRole('alert');
        expect(screen.getByRole('alert')).toHaveTextContent('Could not restore this version. The file is locked.');
        expect(onRestore).toHaveBeenCalledWith('r1');
    });

    it('reports a list that cannot be loaded', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/revisions', status: 500}]);
        renderWithStore(<RevisionsPanel fileId='f1' onClose={jest.fn()} onRestore={jest.fn()}/>);
        expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the versions.');
    });

    it('formats sizes', () => {
        expect(formatSize(512)).toBe('512 B');
        expect(formatSize(2048)).toBe('2.0 KB');
        expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
    });
});
