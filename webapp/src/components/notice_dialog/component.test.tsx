// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {act, screen} from '@testing-library/react';
import React from 'react';

import {showNotice} from '../../actions';
import {makeStore, pluginState, renderWithStore} from '../../../tests/helpers';
import Root from '../root';

function show(notice: Parameters<typeof showNotice>[0], message: string) {
    const store = makeStore();
    store.dispatch(showNotice(notice, message));
    renderWithStore(<Root/>, store);
    return store;
}

describe('NoticeDialog', () => {
    it('shows the server reason under a title that says what failed', () => {
        const store = show('cannot_edit', 'Only the owner can edit this document.');
        expect(screen.getByRole('dialog', {name: 'You can’t edit this document'})).toHaveTextContent('Only the owner can edit this document.');
        act(() => screen.getByRole('button', {name: 'OK'}).click());
        expect(pluginState(store).dialog).toBeNull();
    });

    it.each([
        ['cannot_edit', 'Ask the owner of the file or a channel admin for editing rights.'],
        ['cannot_open', 'Collabora Online cannot open this file for you.'],
        ['not_configured', 'Ask your system admin to enter the Collabora Online URL in the System Console.'],
        ['error', 'Try again in a moment.'],
    ] as const)('%s without a reason explains anyway', (notice, text) => {
        show(notice, '');
        expect(screen.getByRole('dialog')).toHaveTextContent(text);
    });

    it('closes with the close button and a click on the backdrop', () => {
        const store = show('error', 'x');
        act(() => screen.getByRole('button', {name: 'Close'}).click());
        expect(pluginState(store).dialog).toBeNull();
    });
});
