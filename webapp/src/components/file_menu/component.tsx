// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Entries of an attachment's "…" menu (registerFileDropdownMenuAction): "Edit in Collabora Online"
// for editable formats, and "Editing rights…" for the people who may change them. Menu matches are
// synchronous, so they read only what the store already knows; the click then asks the server.
import type {FileInfo} from '@mattermost/types/files';
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {openDialog, openDocument} from '../../actions';
import type {AppDispatch} from '../../actions';
import {canEditFormat, canOpenFormat, fileExtension} from '../../formats';
import {getClientConfig, mayChangePolicy} from '../../selectors';
import type {HostState} from '../../selectors';

export function EditMenuText() {
    return <FormattedMessage id='collabora.menu.edit' defaultMessage='Edit in Collabora Online'/>;
}

export function RightsMenuText() {
    return <FormattedMessage id='collabora.menu.rights' defaultMessage='Editing rights…'/>;
}

type StoreLike = {getState: () => HostState; dispatch: AppDispatch};

export function makeFileMenuActions(store: StoreLike) {
    return {
        editMatch: (fileInfo: FileInfo): boolean => canEditFormat(fileExtension(fileInfo), getClientConfig(store.getState())),
        editAction: (fileInfo: FileInfo): void => {
            store.dispatch(openDocument({id: fileInfo.id, name: fileInfo.name, extension: fileInfo.extension}, 'edit'));
        },
        rightsMatch: (fileInfo: FileInfo): boolean => {
            const state = store.getState();
            return canOpenFormat(fileExtension(fileInfo), getClientConfig(state)) && mayChangePolicy(state, fileInfo);
        },
        rightsAction: (fileInfo: FileInfo): void => {
            store.dispatch(openDialog({kind: 'policy', fileId: fileInfo.id, fileName: fileInfo.name}));
        },
    };
}
