// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Entries of an attachment's "…" menu (registerFileDropdownMenuAction): "Edit in Collabora Online"
// for editable formats, and "Editing rights…" for the people who may change them. Menu matches are
// synchronous, so they read only what the store already knows; the click then asks the server.
// Mattermost calls match() once, when the attachment renders (file_attachment.tsx
// renderFileMenuItems), and does not render it again when our config arrives: an attachment drawn
// before the config offers the entries for the formats Collabora usually edits, and the click
// loads the config and explains when Collabora is not set up.
import type {FileInfo} from '@mattermost/types/files';
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {ensureClientConfig, openDialog, openDocument, showNotice} from '../../actions';
import {exportStore, fileSharingEnabled} from '../pdf_export';
import type {AppDispatch} from '../../actions';
import {USUALLY_EDITABLE, canEditFormat, canOpenFormat, fileExtension} from '../../formats';
import {getClientConfig, mayChangePolicy} from '../../selectors';
import type {HostState} from '../../selectors';

export function EditMenuText() {
    return <FormattedMessage id='collabora.menu.edit' defaultMessage='Edit in Collabora Online'/>;
}

export function RightsMenuText() {
    return <FormattedMessage id='collabora.menu.rights' defaultMessage='Editing rights…'/>;
}

type StoreLike = {getState: () => HostState; dispatch: AppDispatch};

function offers(state: HostState, ext: string, known: (ext: string, config: ReturnType<typeof getClientConfig>) => boolean): boolean {
    const config = getClientConfig(state);
    return config ? known(ext, config) : USUALLY_EDITABLE.includes(ext);
}

export function makeFileMenuActions(store: StoreLike) {
    return {
        editMatch: (fileInfo: FileInfo): boolean => offers(store.getState(), fileExtension(fileInfo), canEditFormat),
        editAction: (fileInfo: FileInfo): void => {
            store.dispatch(openDocument({id: fileInfo.id, name: fileInfo.name, extension: fileInfo.extension}, 'edit'));
        },
        rightsMatch: (fileInfo: FileInfo): boolean => {
            const state = store.getState();
            return offers(state, fileExtension(fileInfo), canOpenFormat) && mayChangePolicy(state, fileInfo);
        },
        // "Send as PDF to the thread": for what Collabora opens, unless file sharing is off.
        pdfMatch: (fileInfo: FileInfo): boolean => {
            const state = store.getState();
            return fileSharingEnabled(state) && offers(state, fileExtension(fileInfo), canOpenFormat);
        },
        pdfAction: (fileInfo: FileInfo): void => {
            void exportStore.start(fileInfo.id, fileInfo.name);
        },
        rightsAction: async (fileInfo: FileInfo): Promise<void> => {
            const config = await store.dispatch(ensureClientConfig());
            if (!config?.configured) {
                store.dispatch(showNotice('not_configured', config?.error ?? ''));
                return;
            }
            store.dispatch(openDialog({kind: 'policy', fileId: fileInfo.id, fileName: fileInfo.name}));
        },
    };
}
