// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, screen} from '@testing-library/react';
import React from 'react';

import {openDialog} from '../../actions';
import {client} from '../../client';
import {makeStore, mockFetch, pluginState, renderWithStore, rights} from '../../../tests/helpers';
import Root from '../root';

beforeEach(() => client.setBaseUrl('', 'com.collaboraonline.mattermost'));

function openRightsDialog() {
    const store = makeStore();
    store.dispatch(openDialog({kind: 'policy', fileId: 'f1', fileName: 'plan.docx'}));
    renderWithStore(<Root/>, store);
    return store;
}

describe('PolicyDialog', () => {
    it('shows the control to those who may change the policy', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canChangePolicy: true, policy: 'owner_and_admins'})}]);
        openRightsDialog();
        expect(screen.getByRole('dialog', {name: 'Editing rights: plan.docx'})).toBeInTheDocument();
        expect(await screen.findByRole('combobox', {name: 'Who can edit'})).toHaveValue('owner_and_admins');
    });

    it('shows the current policy and who may change it to everyone else', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canChangePolicy: false, policy: 'owner'})}]);
        openRightsDialog();
        expect(await screen.findByText('Only the owner can edit')).toBeInTheDocument();
        expect(screen.getByText(/channel admins and system admins can change this/)).toBeInTheDocument();
        expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    });

    it('says so when the rights cannot be loaded, and closes with Done', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', status: 500}]);
        const store = openRightsDialog();
        expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the editing rights.');
        act(() => screen.getByRole('button', {name: 'Done'}).click());
        expect(pluginState(store).dialog).toBeNull();
    });
});
