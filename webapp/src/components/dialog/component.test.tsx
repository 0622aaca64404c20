// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {fireEvent, render, screen} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import en from '../../../i18n/en.json';

import Dialog from './index';

function renderDialog(onClose = jest.fn()) {
    render(
        <IntlProvider locale='en' messages={en}>
            <Dialog title='Title' onClose={onClose} footer={<button type='button' className='co-btn'>{'Go'}</button>}>
                <input aria-label='field'/>
            </Dialog>
        </IntlProvider>,
    );
    return onClose;
}

describe('Dialog', () => {
    it('is a labelled modal dialog rendered over the page, focusing its first field', () => {
        renderDialog();
        const dialog = screen.getByRole('dialog', {name: 'Title'});
        expect(dialog).toHaveAttribute('aria-modal', 'true');
        expect(dialog.closest('.co-backdrop')?.parentElement).toBe(document.body);
        expect(screen.getByRole('textbox', {name: 'field'})).toHaveFocus();
    });

    it('closes on Esc without letting the key reach the page', () => {
        const onClose = renderDialog();
        const outside = jest.fn();
        window.addEventListener('keydown', outside);
        fireEvent.keyDown(screen.getByRole('textbox'), {key: 'Escape'});
        window.removeEventListener('keydown', outside);
        expect(onClose).toHaveBeenCalledTimes(1);
        expect(outside).not.toHaveBeenCalled();
    });

    it('closes on a backdrop click but not on a click inside', () => {
        const onClose = renderDialog();
        fireEvent.mouseDown(screen.getByRole('dialog'));
        expect(onClose).not.toHaveBeenCalled();
        fireEvent.mouseDown(document.querySelector('.co-backdrop') as Element);
        expect(onClose).toHaveBeenCalledTimes(1);
    });
});
