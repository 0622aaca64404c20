// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The editor's own small dialogs: the unsaved-changes guard and the Save As name picker.
import React, {useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import Dialog from '../dialog';

type GuardProps = {saving: boolean; onKeepEditing: () => void; onCloseAnyway: () => void; onSaveAndClose: () => void};

export function CloseGuardDialog({saving, onKeepEditing, onCloseAnyway, onSaveAndClose}: GuardProps) {
    return (
        <Dialog
            title={<FormattedMessage id='collabora.editor.unsaved.title' defaultMessage='Unsaved changes'/>}
            onClose={onKeepEditing}
            testId='collabora-close-guard'
            footer={(
                <>
                    <button type='button' className='co-btn' onClick={onKeepEditing}>
                        <FormattedMessage id='collabora.editor.unsaved.keep' defaultMessage='Keep editing'/>
                    </button>
                    <button type='button' className='co-btn co-btn--danger' onClick={onCloseAnyway}>
                        <FormattedMessage id='collabora.editor.unsaved.close' defaultMessage='Close anyway'/>
                    </button>
                    <button type='button' className='co-btn co-btn--primary' onClick={onSaveAndClose} disabled={saving} data-autofocus={true}>
                        <FormattedMessage id='collabora.editor.unsaved.save' defaultMessage='Save and close'/>
                    </button>
                </>
            )}
        >
            <p>
                <FormattedMessage id='collabora.editor.unsaved.body' defaultMessage='Some of your changes may not be saved yet.'/>
            </p>
        </Dialog>
    );
}

type SaveAsProps = {defaultName: string; onCancel: () => void; onSave: (name: string) => void};

export function SaveAsDialog({defaultName, onCancel, onSave}: SaveAsProps) {
    const intl = useIntl();
    const [name, setName] = useState(defaultName);
    const submit = (event: React.FormEvent) => {
        event.preventDefault();
        if (name.trim()) {
            onSave(name.trim());
        }
    };
    return (
        <Dialog
            title={<FormattedMessage id='collabora.editor.save_as.title' defaultMessage='Save as'/>}
            onClose={onCancel}
            testId='collabora-save-as'
            footer={(
                <>
                    <button type='button' className='co-btn' onClick={onCancel}>
                        <FormattedMessage id='collabora.dialog.cancel' defaultMessage='Cancel'/>
                    </button>
                    <button type='submit' form='co-save-as-form' className='co-btn co-btn--primary' disabled={!name.trim()}>
                        <FormattedMessage id='collabora.editor.save_as.save' defaultMessage='Save'/>
                    </button>
                </>
            )}
        >
            <form id='co-save-as-form' onSubmit={submit}>
                <label className='co-field'>
                    <FormattedMessage id='collabora.editor.save_as.name' defaultMessage='File name'/>
                    <input
                        className='co-input'
                        value={name}
                        data-autofocus={true}
                        aria-label={intl.formatMessage({id: 'collabora.editor.save_as.name', defaultMessage: 'File name'})}
                        onChange={(e) => setName(e.target.value)}
                    />
                </label>
            </form>
        </Dialog>
    );
}

// "report.docx" + "pdf" -> "report.pdf"; without a format the name keeps its extension.
export function saveAsName(fileName: string, format?: string): string {
    if (!format) {
        return fileName;
    }
    const dot = fileName.lastIndexOf('.');
    return `${dot > 0 ? fileName.slice(0, dot) : fileName}.${format}`;
}
