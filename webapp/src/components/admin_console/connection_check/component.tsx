// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// System Console > Plugins > Collabora Online > Connection check (registerAdminConsoleCustomSetting):
// runs the server's self-test against Collabora Online and lists each check with its fix.
import React, {useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {errorMessage} from '../../../actions';
import {client} from '../../../client';
import type {CheckResult} from '../../../client';
import type {AdminConsoleSettingProps} from '../../../types/mattermost-webapp';

export default function ConnectionCheck({disabled}: AdminConsoleSettingProps) {
    const intl = useIntl();
    const [running, setRunning] = useState(false);
    const [results, setResults] = useState<CheckResult[] | null>(null);
    const [error, setError] = useState('');

    const run = async () => {
        setRunning(true);
        setError('');
        try {
            setResults(await client.runAdminCheck());
        } catch (err) {
            setResults(null);
            setError(errorMessage(err) || intl.formatMessage({id: 'collabora.admin.check.error', defaultMessage: 'The check could not run.'}));
        } finally {
            setRunning(false);
        }
    };

    const failed = results?.filter((r) => !r.ok).length ?? 0;
    return (
        <div className='co-root' data-testid='collabora-connection-check'>
            <button type='button' className='co-btn co-btn--primary' onClick={run} disabled={running || disabled}>
                {running ? (
                    <FormattedMessage id='collabora.admin.check.running' defaultMessage='Checking…'/>
                ) : (
                    <FormattedMessage id='collabora.admin.check.run' defaultMessage='Run connection check'/>
                )}
            </button>
            <p className='co-muted' style={{marginTop: 8}}>
                <FormattedMessage id='collabora.admin.check.save_first' defaultMessage='The check uses the saved settings: save your changes first.'/>
            </p>
            {error && <p className='co-error' role='alert'>{error}</p>}
            {results && (
                <>
                    <p role='status' style={{marginTop: 12, fontWeight: 600}}>
                        {failed === 0 ? (
                            <FormattedMessage id='collabora.admin.check.all_ok' defaultMessage='All checks passed.'/>
                        ) : (
                            <FormattedMessage id='collabora.admin.check.some_failed' defaultMessage='{count, plural, one {# check failed} other {# checks failed}}.' values={{count: failed}}/>
                        )}
                    </p>
                    <ul className='co-list'>
                        {results.map((r) => (
                            <li key={r.id} className='co-list__item' data-testid={`collabora-check-${r.id}`}>
                                <span className={r.ok ? 'co-check co-check--ok' : 'co-check co-check--fail'}>
                                    {r.ok ? '✓' : '✗'}
                                    <span className='sr-only' style={{position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)'}}>
                                        {r.ok ? intl.formatMessage({id: 'collabora.admin.check.passed', defaultMessage: 'Passed'}) : intl.formatMessage({id: 'collabora.admin.check.failed', defaultMessage: 'Failed'})}
                                    </span>
                                </span>
                                <div className='co-list__main'>
                                    <strong>{r.title}</strong>
                                    {r.detail && <span className='co-muted'>{r.detail}</span>}
                                    {!r.ok && r.fix && (
                                        <p className='co-fix'>
                                            <FormattedMessage id='collabora.admin.check.fix' defaultMessage='How to fix: {fix}' values={{fix: r.fix}}/>
                                        </p>
                                    )}
                                </div>
                            </li>
                        ))}
                    </ul>
                </>
            )}
        </div>
    );
}
