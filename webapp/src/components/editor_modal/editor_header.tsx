// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The editor's header: file name, who else is editing, editing rights, send as PDF, open in a new tab, close.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {PdfExportButton} from '../pdf_export';
import PolicyControl from '../policy_control';
import {PresenceBadge} from '../presence_badge';

type Props = {
    fileId: string;
    fileName: string;
    notice: string;
    onOpenInNewTab: () => void;
    onClose: () => void;
};

export default function EditorHeader({fileId, fileName, notice, onOpenInNewTab, onClose}: Props) {
    const intl = useIntl();
    return (
        <div className='co-toolbar'>
            <span className='co-toolbar__title' title={fileName} data-testid='collabora-editor-title'>{fileName}</span>
            <PresenceBadge file={{id: fileId, name: fileName}} showJoin={false}/>
            <span className='co-toolbar__spacer'/>
            {notice && <span className='co-muted' role='status'>{notice}</span>}
            <PolicyControl fileId={fileId}/>
            <PdfExportButton fileId={fileId} fileName={fileName}/>
            <button type='button' className='co-btn' onClick={onOpenInNewTab}>
                <FormattedMessage id='collabora.editor.new_tab' defaultMessage='Open in a new tab'/>
            </button>
            <button
                type='button'
                className='co-icon-btn'
                aria-label={intl.formatMessage({id: 'collabora.editor.close', defaultMessage: 'Close editor'})}
                onClick={onClose}
                data-testid='collabora-editor-close'
            >
                {'×'}
            </button>
        </div>
    );
}
