// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// "Editing rights…" from the file menu: asks the server for the current rights, then shows the
// policy control to those who may change it and the current policy to everyone else.
import React, {useEffect, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {closeDialog, errorMessage, fetchRights} from '../../actions';
import {useAppDispatch, useHostSelector} from '../../hooks';
import {getRights} from '../../selectors';
import Dialog from '../dialog';
import PolicyControl, {policyLabel} from '../policy_control';

type Props = {fileId: string; fileName: string};

export default function PolicyDialog({fileId, fileName}: Props) {
    const intl = useIntl();
    const dispatch = useAppDispatch();
    const rights = useHostSelector((state) => getRights(state, fileId));
    const [error, setError] = useState('');

    useEffect(() => {
        dispatch(fetchRights(fileId)).catch((err: unknown) => setError(errorMessage(err) || 'error'));
    }, [dispatch, fileId]);

    const close = () => dispatch(closeDialog());
    let body: React.ReactNode = <span className='co-spinner' role='status'/>;
    if (error) {
        body = (
            <p className='co-error' role='alert'>
                <FormattedMessage id='collabora.rights.load_error' defaultMessage='Could not load the editing rights.'/>
            </p>
        );
    } else if (rights?.canChangePolicy) {
        body = <PolicyControl fileId={fileId}/>;
    } else if (rights) {
        body = (
            <>
                <p>{policyLabel(intl, rights.policy)}</p>
                <p className='co-muted'>
                    <FormattedMessage id='collabora.rights.who_can_change' defaultMessage='Only the owner of the file, channel admins and system admins can change this.'/>
                </p>
            </>
        );
    }

    return (
        <Dialog
            title={<FormattedMessage id='collabora.rights.title' defaultMessage='Editing rights: {fileName}' values={{fileName}}/>}
            onClose={close}
            testId='collabora-policy-dialog'
            footer={(
                <button type='button' className='co-btn co-btn--primary' onClick={close}>
                    <FormattedMessage id='collabora.dialog.done' defaultMessage='Done'/>
                </button>
            )}
        >
            {body}
        </Dialog>
    );
}
