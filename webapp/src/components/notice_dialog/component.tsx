// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Tells the user why an action cannot happen (the server's reason), instead of a button that does nothing.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {closeDialog} from '../../actions';
import {useAppDispatch} from '../../hooks';
import type {NoticeKind} from '../../reducer';
import Dialog from '../dialog';

const TITLES: Record<NoticeKind, {id: string; defaultMessage: string}> = {
    cannot_edit: {id: 'collabora.notice.cannot_edit', defaultMessage: 'You can’t edit this document'},
    cannot_open: {id: 'collabora.notice.cannot_open', defaultMessage: 'This document can’t be opened'},
    not_configured: {id: 'collabora.notice.not_configured', defaultMessage: 'Collabora Online is not set up'},
    error: {id: 'collabora.notice.error', defaultMessage: 'Something went wrong'},
};

const FALLBACKS: Record<NoticeKind, {id: string; defaultMessage: string}> = {
    cannot_edit: {id: 'collabora.notice.cannot_edit.fallback', defaultMessage: 'Ask the owner of the file or a channel admin for editing rights.'},
    cannot_open: {id: 'collabora.notice.cannot_open.fallback', defaultMessage: 'Collabora Online cannot open this file for you.'},
    not_configured: {id: 'collabora.notice.not_configured.fallback', defaultMessage: 'Ask your system admin to enter the Collabora Online URL in the System Console.'},
    error: {id: 'collabora.notice.error.fallback', defaultMessage: 'Try again in a moment. If it keeps happening, tell your system admin.'},
};

type Props = {notice: NoticeKind; message: string};

export default function NoticeDialog({notice, message}: Props) {
    const intl = useIntl();
    const dispatch = useAppDispatch();
    const close = () => dispatch(closeDialog());
    return (
        <Dialog
            title={intl.formatMessage(TITLES[notice])}
            onClose={close}
            testId='collabora-notice'
            footer={(
                <button type='button' className='co-btn co-btn--primary' onClick={close}>
                    <FormattedMessage id='collabora.dialog.ok' defaultMessage='OK'/>
                </button>
            )}
        >
            <p>{message || intl.formatMessage(FALLBACKS[notice])}</p>
        </Dialog>
    );
}
