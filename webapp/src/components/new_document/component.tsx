// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// "New document" in the attach menu (registerFileUploadMethod): a name and a kind, created by the
// server from a blank template and posted in the current channel, or in the thread when the menu was
// opened from the right-hand sidebar; then opened in the editor.
import React, {useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {closeDialog, errorMessage, openDialog, openDocument, showNotice} from '../../actions';
import type {AppDispatch, GetState} from '../../actions';
import {client} from '../../client';
import type {DocumentKind, NewDocumentFormat} from '../../client';
import {wasLastInRhs} from '../../composer_context';
import {useAppDispatch, useHostSelector} from '../../hooks';
import {getClientConfig, getCurrentChannelId, getPost, getSelectedRhsPostId} from '../../selectors';
import Dialog from '../dialog';

const EXTENSIONS: Record<NewDocumentFormat, Record<DocumentKind, string>> = {
    ooxml: {document: 'docx', spreadsheet: 'xlsx', presentation: 'pptx'},
    odf: {document: 'odt', spreadsheet: 'ods', presentation: 'odp'},
};
const KINDS: DocumentKind[] = ['document', 'spreadsheet', 'presentation'];
const KIND_LABELS: Record<DocumentKind, {id: string; defaultMessage: string}> = {
    document: {id: 'collabora.new_document.kind.document', defaultMessage: 'Document'},
    spreadsheet: {id: 'collabora.new_document.kind.spreadsheet', defaultMessage: 'Spreadsheet'},
    presentation: {id: 'collabora.new_document.kind.presentation', defaultMessage: 'Presentation'},
};
const KIND_ICONS: Record<DocumentKind, string> = {document: '📄', spreadsheet: '📊', presentation: '📽'};

export function DocumentIcon() {
    return (
        <svg width='18' height='18' viewBox='0 0 24 24' aria-hidden='true' fill='currentColor'>
            <path d='M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zm4 18H6V4h7v5h5zM8 12h8v2H8zm0 4h8v2H8z'/>
        </svg>
    );
}

export function NewDocumentMenuText() {
    return <FormattedMessage id='collabora.new_document.menu' defaultMessage='New document'/>;
}

// The upload-method action: opens the dialog for the channel or thread the user is in.
export function openNewDocumentDialog() {
    return (dispatch: AppDispatch, getState: GetState): void => {
        const state = getState();
        const config = getClientConfig(state);
        if (!config?.configured) {
            dispatch(showNotice('not_configured', config?.error ?? ''));
            return;
        }
        const rootId = wasLastInRhs() ? getSelectedRhsPostId(state) : '';
        const root = rootId ? getPost(state, rootId) : undefined;
        const channelId = root?.channel_id || getCurrentChannelId(state);
        dispatch(openDialog({kind: 'new_document', channelId, rootId: root ? (root.root_id || root.id) : undefined}));
    };
}

// "budget.xlsx" typed for a spreadsheet becomes "budget": the server adds the extension.
export function baseName(name: string, ext: string): string {
    const trimmed = name.trim();
    return trimmed.toLowerCase().endsWith(`.${ext}`) ? trimmed.slice(0, -(ext.length + 1)).trim() : trimmed;
}

type Props = {channelId: string; rootId?: string};

export default function NewDocumentDialog({channelId, rootId}: Props) {
    const intl = useIntl();
    const dispatch = useAppDispatch();
    const format = useHostSelector(getClientConfig)?.newDocumentFormat === 'odf' ? 'odf' : 'ooxml';
    const [name, setName] = useState('');
    const [kind, setKind] = useState<DocumentKind>('document');
    const [busy, setBusy] = useState(false);
    const [error, setError] = useState('');
    const ext = EXTENSIONS[format][kind];
    const close = () => dispatch(closeDialog());

    const submit = async (event?: React.FormEvent) => {
        event?.preventDefault();
        const base = baseName(name, ext);
        if (!base) {
            setError(intl.formatMessage({id: 'collabora.new_document.error.name', defaultMessage: 'Enter a name for the new file.'}));
            return;
        }
        if ((/[\\/:*?"<>|]/).test(base)) {
            setError(intl.formatMessage({id: 'collabora.new_document.error.characters', defaultMessage: 'A file name cannot contain any of these characters: {characters}'}, {characters: '\\ / : * ? " < > |'}));
            return;
        }
        setBusy(true);
        setError('');
        try {
            const created = await client.createDocument({channelId, ...(rootId ? {rootId} : {}), name: base, kind});
            dispatch(closeDialog());
            await dispatch(openDocument({id: created.fileId, name: created.fileName}, 'auto'));
        } catch (err) {
            setBusy(false);
            const message = errorMessage(err);
            setError(message || intl.formatMessage({id: 'collabora.new_document.error.generic', defaultMessage: 'The file could not be created. Try again.'}));
        }
    };

    return (
        <Dialog
            title={<FormattedMessage id='collabora.new_document.title' defaultMessage='New document'/>}
            onClose={close}
            testId='collabora-new-document'
            footer={(
                <>
                    <button type='button' className='co-btn' onClick={close}>
                        <FormattedMessage id='collabora.dialog.cancel' defaultMessage='Cancel'/>
                    </button>
                    <button type='submit' form='co-new-document-form' className='co-btn co-btn--primary' disabled={busy}>
                        <FormattedMessage id='collabora.new_document.create' defaultMessage='Create'/>
                    </button>
                </>
            )}
        >
            <form id='co-new-document-form' onSubmit={submit} className='co-dialog__body' style={{padding: 0}}>
                <label className='co-field'>
                    <FormattedMessage id='collabora.new_document.name' defaultMessage='Name'/>
                    <input
                        className='co-input'
                        value={name}
                        maxLength={200}
                        data-autofocus={true}
                        placeholder={intl.formatMessage({id: 'collabora.new_document.placeholder', defaultMessage: 'Untitled'})}
                        onChange={(e) => setName(e.target.value)}
                    />
                </label>
                <fieldset className='co-kinds'>
                    <legend className='co-muted'>
                        <FormattedMessage id='collabora.new_document.kind' defaultMessage='Type'/>
                    </legend>
                    {KINDS.map((k) => (
                        <label key={k} className={k === kind ? 'co-kind co-kind--selected' : 'co-kind'}>
                            <input type='radio' name='co-kind' value={k} checked={k === kind} onChange={() => setKind(k)}/>
                            <span aria-hidden='true'>{KIND_ICONS[k]}</span>
                            <span>{intl.formatMessage(KIND_LABELS[k])}</span>
                            <span className='co-muted'>{`.${EXTENSIONS[format][k]}`}</span>
                        </label>
                    ))}
                </fieldset>
                <p className='co-muted'>
                    {rootId ? (
                        <FormattedMessage id='collabora.new_document.where.thread' defaultMessage='It will be posted as a reply in this thread.'/>
                    ) : (
                        <FormattedMessage id='collabora.new_document.where.channel' defaultMessage='It will be posted in this channel.'/>
                    )}
                </p>
                {error && <p className='co-error' role='alert'>{error}</p>}
            </form>
        </Dialog>
    );
}
