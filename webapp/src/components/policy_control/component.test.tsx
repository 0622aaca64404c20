// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {handlePolicyChanged} from '../../actions';
import type {AppDispatch} from '../../actions';
import {client} from '../../client';
import {baseHostState, makeStore, mockFetch, pluginState, renderWithStore, rights} from '../../../tests/helpers';

import PolicyControl from './index';

beforeEach(() => client.setBaseUrl('', 'com.collaboraonline.mattermost'));

describe('PolicyControl', () => {
    it('renders nothing for those who may not change the policy', () => {
        const {container} = renderWithStore(<PolicyControl fileId='f1'/>, makeStore(baseHostState(), {rights: {f1: rights({canChangePolicy: false})}}));
        expect(container).toBeEmptyDOMElement();
    });

    it('renders nothing before the rights are known', () => {
        const {container} = renderWithStore(<PolicyControl fileId='f1'/>);
        expect(container).toBeEmptyDOMElement();
    });

    it('lets the owner change the policy through the API', async () => {
        const fetchMock = mockFetch([{method: 'PUT', path: '/api/v1/files/f1/policy', body: rights({canChangePolicy: true, policy: 'view_only', canEdit: false})}]);
        const store = makeStore(baseHostState(), {rights: {f1: rights({canChangePolicy: true})}});
        renderWithStore(<PolicyControl fileId='f1'/>, store);
        const select = screen.getByRole('combobox', {name: 'Who can edit'});
        expect(select).toHaveValue('channel');
        expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
            'Everyone in the channel can edit', 'The owner and channel admins can edit', 'Only the owner can edit', 'Nobody can edit (view only)',
        ]);
        fireEvent.change(select, {target: {value: 'view_only'}});
        await waitFor(() => expect(pluginState(store).rights.f1.policy).toBe('view_only'));
        expect(fetchMock.mock.calls[0][1]?.body).toBe('{"policy":"view_only"}');
        expect(screen.getByRole('combobox')).toHaveValue('view_only');
    });

    it('shows the server error and keeps the old value', async () => {
        mockFetch([{method: 'PUT', path: '/api/v1/files/f1/policy', status: 403, body: {error: 'Only the owner can change this.', code: 'FORBIDDEN'}}]);
        renderWithStore(<PolicyControl fileId='f1'/>, makeStore(baseHostState(), {rights: {f1: rights({canChangePolicy: true, policy: 'owner'})}}));
        fireEvent.change(screen.getByRole('combobox'), {target: {value: 'channel'}});
        expect(await screen.findByRole('alert')).toHaveTextContent('Only the owner can change this.');
        expect(screen.getByRole('combobox')).toHaveValue('owner');
    });

    it('follows policy_changed events live', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canChangePolicy: true, policy: 'owner'})}]);
        const store = makeStore(baseHostState(), {rights: {f1: rights({canChangePolicy: true})}});
        renderWithStore(<PolicyControl fileId='f1'/>, store);
        act(() => {
            (store.dispatch as unknown as AppDispatch)(handlePolicyChanged({file_id: 'f1', policy: 'owner'}));
        });
        expect(screen.getByRole('combobox')).toHaveValue('owner');
        await waitFor(() => expect(pluginState(store).rights.f1.policy).toBe('owner'));
    });
});
