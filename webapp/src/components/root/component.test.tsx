// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {screen} from '@testing-library/react';
import React from 'react';

import {openDialog} from '../../actions';
import {client} from '../../client';
import {makeStore, mockFetch, renderWithStore} from '../../../tests/helpers';

import Root from './index';

beforeEach(() => client.setBaseUrl('', 'com.collaboraonline.mattermost'));

describe('Root', () => {
    it('shows nothing while nothing is open', () => {
        renderWithStore(<Root/>);
        expect(document.body.querySelector('.co-root')).toBeNull();
    });

    it.each([
        [{kind: 'new_document', channelId: 'chan1'} as const, 'New document'],
        [{kind: 'policy', fileId: 'f1', fileName: 'plan.docx'} as const, 'Editing rights: plan.docx'],
        [{kind: 'notice', notice: 'error', message: 'Boom'} as const, 'Something went wrong'],
    ])('shows the dialog the store asks for: %p', (dialog, title) => {
        mockFetch([{method: 'GET', path: /rights$/, status: 500}]);
        const store = makeStore();
        store.dispatch(openDialog(dialog));
        renderWithStore(<Root/>, store);
        expect(screen.getByRole('dialog', {name: title})).toBeInTheDocument();
    });
});
