// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Version history, opened from Collabora's File > See history (UI_FileVersions): the revisions the
// server keeps for a document, newest first, each restorable as the current version.
import React, {useEffect, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {errorMessage} from '../../actions';
import {client} from '../../client';
import type {Revision} from '../../client';

type Props = {
    fileId: string;
    onClose: () => void;
    onRestore: (revisionFileId: string) => Promise<void>;
};

export function formatSize(bytes: number): string {
    if (bytes < 1024) {
        return `${bytes} B`;
    }
    if (bytes < 1024 * 1024) {
        return `${(bytes / 1024).toFixed(1)} KB`;
    }
    return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export default function RevisionsPanel({fileId, onClose, onRestore}: Props) {
    const intl = useIntl();
    const [revisions, setRevisions] = useState<Revision[] | null>(null);
    const [error, setError] = useState('');
    const [restoring, setRestoring] = useState('');

    useEffect(() => {
        let cancelled = false;
        client.getRevisions(fileId).then((list) => {
            if (!cancelled) {
                setRevisions([...list].sort((a, b) => b.createdAt - a.createdAt));
            }
        }, (err: unknown) => {
            if (!cancelled) {
                setError(errorMessage(err) || intl.formatMessage({id: 'collabora.revisions.load_error', defaultMessage: 'Could not load the versions.'}));
            }
        });
        return () => {
            cancelled = true;
        };
    }, [fileId, intl]);

    const restore = async (revisionFileId: string) => {
        setRestoring(revisionFileId);
        setError('');
        try {
            await onRestore(revisionFileId);
        } catch (err) {
            setError(intl.formatMessage({id: 'collabora.revisions.restore_error', defaultMessage: 'Could not restore this version. {message}'}, {message: errorMessage(err)}));
        } finally {
            setRestoring('');
        }
    };

    return (
        <aside className='co-panel co-root' aria-label={intl.formatMessage({id: 'collabora.revisions.title', defaultMessage: 'Versions'})} data-testid='collabora-revisions'>
            <div className='co-toolbar'>
                <span className='co-toolbar__title'>
                    <FormattedMessage id='collabora.revisions.title' defaultMessage='Versions'/>
                </span>
                <span className='co-toolbar__spacer'/>
                <button type='button' className='co-icon-btn' onClick={onClose} aria-label={intl.formatMessage({id: 'collabora.dialog.close', defaultMessage: 'Close'})}>
                    {'×'}
                </button>
            </div>
            {error && <p className='co-error' role='alert' style={{padding: '12px 16px'}}>{error}</p>}
            {revisions === null && !error && <span className='co-spinner' role='status' style={{margin: 16}}/>}
            {revisions?.length === 0 && (
                <p className='co-muted' style={{padding: '12px 16px'}}>
                    <FormattedMessage id='collabora.revisions.empty' defaultMessage='No earlier versions yet.'/>
                </p>
            )}
            <ul className='co-list'>
                {revisions?.map((rev) => (
                    <li key={rev.fileId} className='co-list__item' data-testid={`collabora-revision-${rev.fileId}`}>
                        <div className='co-list__main'>
                            <span>{intl.formatDate(rev.createdAt, {dateStyle: 'medium', timeStyle: 'short'})}</span>
                            <span className='co-muted'>{`${rev.userDisplayName} · ${formatSize(rev.size)}`}</span>
                        </div>
                        {rev.current ? (
                            <span className='co-muted'>
                                <FormattedMessage id='collabora.revisions.current' defaultMessage='Current version'/>
                            </span>
                        ) : (
                            <button type='button' className='co-btn' disabled={Boolean(restoring)} onClick={() => restore(rev.fileId)}>
                                <FormattedMessage id='collabora.revisions.restore' defaultMessage='Restore'/>
                            </button>
                        )}
                    </li>
                ))}
            </ul>
        </aside>
    );
}
