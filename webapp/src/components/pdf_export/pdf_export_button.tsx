// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// "Send as PDF to the thread" in the editor's header. Progress, cancel and the outcome show in the
// export panel (export_panel.tsx), which stays on top of the editor. Hidden when Mattermost's file
// sharing is off: then nobody may export.
import React from 'react';
import {FormattedMessage} from 'react-intl';

import {usePdfExport} from './use_pdf_export';

type Props = {fileId: string; fileName: string};

export default function PdfExportButton({fileId, fileName}: Props) {
    const {allowed, running, start} = usePdfExport(fileId, fileName);
    if (!allowed) {
        return null;
    }
    return (
        <button
            type='button'
            className='co-btn'
            disabled={running}
            onClick={() => void start()}
            data-testid='collabora-export-pdf'
        >
            {running ? (
                <FormattedMessage id='collabora.pdf.running' defaultMessage='Sending as PDF…'/>
            ) : (
                <FormattedMessage id='collabora.pdf.send' defaultMessage='Send as PDF to the thread'/>
            )}
        </button>
    );
}

export function PdfMenuText() {
    return <FormattedMessage id='collabora.menu.pdf' defaultMessage='Send as PDF to the thread'/>;
}
