// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The editor's banners under its header: editing rights lost, access expired, and another
// session's lock keeping this one read-only.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import type {LockBannerState} from './use_lock_watch';

export function RightsLostBanner({reason, onReopenView}: {reason: string; onReopenView: () => void}) {
    return (
        <div className='co-banner co-banner--warning' role='alert' data-testid='collabora-rights-lost'>
            <span>
                <FormattedMessage id='collabora.editor.rights_lost' defaultMessage='You can no longer edit this document. Your latest changes may not be saved.'/>
                {reason ? ` ${reason}` : ''}
            </span>
            <button type='button' className='co-btn' onClick={onReopenView}>
                <FormattedMessage id='collabora.editor.reopen_view' defaultMessage='Reopen read-only'/>
            </button>
        </div>
    );
}

export function AccessExpiredBanner({error}: {error: string}) {
    return (
        <div className='co-banner co-banner--warning' role='alert' data-testid='collabora-access-expired'>
            <span>
                <FormattedMessage id='collabora.editor.access_expired' defaultMessage='Your access to this document has expired, so changes can no longer be saved. Still trying to renew it.'/>
                {error ? ` ${error}` : ''}
            </span>
        </div>
    );
}

type LockProps = {
    state: LockBannerState;
    releasing: boolean;
    error: string;
    onRelease: () => void;
    onReopen: () => void;
    onCheckAgain: () => void;
};

export function LockBanner({state, releasing, error, onRelease, onReopen, onCheckAgain}: LockProps) {
    const intl = useIntl();
    const checkAgain = !state.polling && (
        <button type='button' className='co-btn' onClick={onCheckAgain}>
            <FormattedMessage id='collabora.editor.lock_check' defaultMessage='Check again'/>
        </button>
    );
    if (state.kind === 'freed') {
        return (
            <div className='co-banner co-banner--warning' role='alert' data-testid='collabora-lock-banner' data-lock='freed'>
                <span>
                    <FormattedMessage id='collabora.editor.lock_freed' defaultMessage='The document is no longer locked. Reopen it to edit.'/>
                </span>
                <button type='button' className='co-btn co-btn--primary' onClick={onReopen}>
                    <FormattedMessage id='collabora.editor.lock_reopen' defaultMessage='Reopen for editing'/>
                </button>
            </div>
        );
    }
    const {lock} = state;
    const holder = lock.holderName || intl.formatMessage({id: 'collabora.editor.lock_holder_unknown', defaultMessage: 'another editing session'});
    const since = typeof lock.since === 'number' && lock.since > 0 ? intl.formatDate(lock.since, {dateStyle: 'medium', timeStyle: 'short'}) : '';
    return (
        <div className='co-banner co-banner--warning' role='alert' data-testid='collabora-lock-banner' data-lock='held'>
            <span>
                {since ? (
                    <FormattedMessage id='collabora.editor.lock_held_since' defaultMessage='Read-only: {holder} has held the lock on this document since {since}.' values={{holder, since}}/>
                ) : (
                    <FormattedMessage id='collabora.editor.lock_held' defaultMessage='Read-only: {holder} holds the lock on this document.' values={{holder}}/>
                )}
                {' '}
                {lock.canRelease ? (
                    <FormattedMessage id='collabora.editor.lock_release_hint' defaultMessage='If nobody is editing it any more, release the lock.'/>
                ) : (
                    <FormattedMessage id='collabora.editor.lock_wait_hint' defaultMessage='The owner or an admin can release it; otherwise it lapses within 30 minutes.'/>
                )}
                {error ? ` ${error}` : ''}
            </span>
            {lock.canRelease && (
                <button type='button' className='co-btn co-btn--primary' onClick={onRelease} disabled={releasing} data-testid='collabora-lock-release'>
                    <FormattedMessage id='collabora.editor.lock_release' defaultMessage='Release lock'/>
                </button>
            )}
            {checkAgain}
        </div>
    );
}
