// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Who may edit a document. Shown only to those the server says may change it (canChangePolicy: the
// owner, channel admins, system admins); everyone's buttons follow through policy_changed events.
import React, {useState} from 'react';
import {useIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';

import {changePolicy, errorMessage} from '../../actions';
import {EDIT_POLICIES} from '../../client';
import type {EditPolicy} from '../../client';
import {useAppDispatch, useHostSelector} from '../../hooks';
import {getRights} from '../../selectors';

export function policyLabel(intl: IntlShape, policy: EditPolicy): string {
    switch (policy) {
    case 'channel':
        return intl.formatMessage({id: 'collabora.policy.channel', defaultMessage: 'Everyone in the channel can edit'});
    case 'owner_and_admins':
        return intl.formatMessage({id: 'collabora.policy.owner_and_admins', defaultMessage: 'The owner and channel admins can edit'});
    case 'owner':
        return intl.formatMessage({id: 'collabora.policy.owner', defaultMessage: 'Only the owner can edit'});
    default:
        return intl.formatMessage({id: 'collabora.policy.view_only', defaultMessage: 'Nobody can edit (view only)'});
    }
}

type Props = {fileId: string};

export default function PolicyControl({fileId}: Props) {
    const intl = useIntl();
    const dispatch = useAppDispatch();
    const rights = useHostSelector((state) => getRights(state, fileId));
    const [saving, setSaving] = useState(false);
    const [error, setError] = useState('');

    if (!rights?.canChangePolicy) {
        return null;
    }

    const onChange = async (event: React.ChangeEvent<HTMLSelectElement>) => {
        const policy = event.target.value as EditPolicy;
        setSaving(true);
        setError('');
        try {
            await dispatch(changePolicy(fileId, policy));
        } catch (err) {
            setError(intl.formatMessage({id: 'collabora.policy.error', defaultMessage: 'Could not change editing rights. {message}'}, {message: errorMessage(err)}));
        } finally {
            setSaving(false);
        }
    };

    return (
        <span className='co-policy'>
            <select
                className='co-select'
                aria-label={intl.formatMessage({id: 'collabora.policy.label', defaultMessage: 'Who can edit'})}
                value={rights.policy}
                disabled={saving}
                onChange={onChange}
                data-testid='collabora-policy-select'
            >
                {EDIT_POLICIES.map((policy) => (
                    <option key={policy} value={policy}>{policyLabel(intl, policy)}</option>
                ))}
            </select>
            {error && <span className='co-error' role='alert'>{error}</span>}
        </span>
    );
}
