// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Replaces Mattermost's preview for the formats Collabora handles (registerFilePreviewComponent).
// Renders inside Mattermost's preview modal: a toolbar (who is editing, Edit or the reason there is
// none, editing rights) over a read-only Collabora view.
import type {FileInfo} from '@mattermost/types/files';
import React, {useEffect, useRef, useState} from 'react';
import {FormattedMessage} from 'react-intl';

import {fetchEditorsOnce, fetchRights, openDocument} from '../../actions';
import {canEditFormat, fileExtension, shouldPreview} from '../../formats';
import {useAppDispatch, useHostSelector} from '../../hooks';
import {getClientConfig, getDocumentVersion, getRights} from '../../selectors';
import type {HostState} from '../../selectors';
import type {FilePreviewComponentProps} from '../../types/mattermost-webapp';
import CollaboraFrame from '../collabora_frame';
import PolicyControl from '../policy_control';
import {PresenceBadge} from '../presence_badge';

import {useArrowKeysKept} from './key_guard';

// The override predicate handed to the registry; reads the config the plugin loaded at start.
export function makePreviewOverride(getState: () => HostState) {
    return (fileInfo: FileInfo): boolean => shouldPreview(fileExtension(fileInfo), getClientConfig(getState()));
}

export default function FilePreview({fileInfo, onModalDismissed}: FilePreviewComponentProps) {
    const dispatch = useAppDispatch();
    const config = useHostSelector(getClientConfig);
    const rights = useHostSelector((state) => getRights(state, fileInfo.id));
    const version = useHostSelector((state) => getDocumentVersion(state, fileInfo.id));
    const [shownVersion, setShownVersion] = useState(version);
    const file = {id: fileInfo.id, name: fileInfo.name, extension: fileInfo.extension};
    const formatEditable = canEditFormat(fileExtension(fileInfo), config);
    const root = useRef<HTMLDivElement>(null);
    useArrowKeysKept(root);

    useEffect(() => {
        dispatch(fetchRights(fileInfo.id)).catch(() => undefined);
        dispatch(fetchEditorsOnce(fileInfo.id));
    }, [dispatch, fileInfo.id]);

    const edit = () => {
        onModalDismissed();
        dispatch(openDocument(file, 'edit'));
    };

    let editArea: React.ReactNode = null;
    if (formatEditable && rights?.canEdit) {
        editArea = (
            <button type='button' className='co-btn co-btn--primary' onClick={edit} data-testid='collabora-edit'>
                <FormattedMessage id='collabora.preview.edit' defaultMessage='Edit'/>
            </button>
        );
    } else if (formatEditable && rights) {
        editArea = (
            <span className='co-muted' data-testid='collabora-edit-reason'>
                {rights.reason || <FormattedMessage id='collabora.preview.view_only' defaultMessage='You can view this document but not edit it.'/>}
            </span>
        );
    } else if (!formatEditable && config) {
        editArea = (
            <span className='co-muted'>
                <FormattedMessage id='collabora.preview.format_view_only' defaultMessage='This format can be viewed but not edited.'/>
            </span>
        );
    }

    return (
        <div className='co-preview co-root' data-testid='collabora-preview' ref={root}>
            <div className='co-toolbar'>
                <PresenceBadge file={file} showJoin={false}/>
                <span className='co-toolbar__spacer'/>
                <PolicyControl fileId={fileInfo.id}/>
                {editArea}
            </div>
            {version > shownVersion && (
                <div className='co-banner' role='status'>
                    <FormattedMessage id='collabora.preview.updated' defaultMessage='This document has been updated.'/>
                    <button type='button' className='co-btn' onClick={() => setShownVersion(version)}>
                        <FormattedMessage id='collabora.preview.reload' defaultMessage='Show the new version'/>
                    </button>
                </div>
            )}
            <CollaboraFrame fileId={fileInfo.id} fileName={fileInfo.name} mode='view' reloadKey={shownVersion}/>
        </div>
    );
}
