// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The exports this browser started, bottom right, above the editor too: what each is doing (sending the
// document, converting, posting), a Cancel while it may still be cancelled, and why one failed.
import React from 'react';
import {FormattedMessage, useIntl} from 'react-intl';
import type {IntlShape} from 'react-intl';

import type {ExportEntry} from './export_store';
import {exportStore, isRunning} from './export_store';
import {useExports} from './use_pdf_export';

// Bottom centre: the editor's thread panel takes the right-hand side, with its reply box at the
// bottom, and Mattermost's channel sidebar the left.
const panel: React.CSSProperties = {
    position: 'fixed', left: '50%', transform: 'translateX(-50%)', bottom: 16, zIndex: 10000, display: 'flex', flexDirection: 'column', gap: 8, width: 340, maxWidth: 'calc(100vw - 32px)',
};
const card: React.CSSProperties = {
    background: 'var(--center-channel-bg, #fff)', color: 'var(--center-channel-color, #3f4350)', borderRadius: 8, padding: '10px 12px',
    boxShadow: '0 4px 12px rgba(0,0,0,0.16)', border: '1px solid rgba(var(--center-channel-color-rgb, 63,67,80), 0.16)', fontSize: 13,
};
const bar: React.CSSProperties = {height: 4, borderRadius: 2, background: 'rgba(var(--center-channel-color-rgb, 63,67,80), 0.12)', overflow: 'hidden', margin: '6px 0'};

// 0..100 for the bar: sending the document is the first half, Collabora's answer the second; the
// conversion itself reports nothing, so the bar waits at the middle meanwhile.
export function progressPercent(entry: ExportEntry): number {
    const job = entry.job;
    if (!job) {
        return 0;
    }
    switch (job.state) {
    case 'queued':
        return 0;
    case 'converting':
        return job.totalBytes > 0 ? Math.round(50 * Math.min(1, job.sentBytes / job.totalBytes)) : 0;
    case 'posting':
        return 90;
    default:
        return 100;
    }
}

export function statusText(intl: IntlShape, entry: ExportEntry): string {
    if (entry.error) {
        return entry.error;
    }
    const job = entry.job;
    if (!job || job.state === 'queued') {
        return intl.formatMessage({id: 'collabora.pdf.queued', defaultMessage: 'Starting…'});
    }
    switch (job.state) {
    case 'converting':
        return job.sentBytes < job.totalBytes ? intl.formatMessage({id: 'collabora.pdf.sending', defaultMessage: 'Sending the document to Collabora Online…'}) : intl.formatMessage({id: 'collabora.pdf.converting', defaultMessage: 'Collabora Online is converting it…'});
    case 'posting':
        return intl.formatMessage({id: 'collabora.pdf.posting', defaultMessage: 'Posting the PDF to the thread…'});
    case 'done':
        return intl.formatMessage({id: 'collabora.pdf.done', defaultMessage: 'The PDF is in the thread.'});
    case 'cancelled':
        return intl.formatMessage({id: 'collabora.pdf.cancelled', defaultMessage: 'Cancelled: nothing was posted.'});
    default:
        return job.reason || intl.formatMessage({id: 'collabora.pdf.failed', defaultMessage: 'The export failed.'});
    }
}

function ExportCard({entry}: {entry: ExportEntry}) {
    const intl = useIntl();
    const running = isRunning(entry);
    const failed = Boolean(entry.error) || entry.job?.state === 'failed';
    const cancellable = running && entry.job !== null && (entry.job.state === 'queued' || entry.job.state === 'converting');
    const percent = progressPercent(entry);
    return (
        <div style={card} role='status' data-testid={`collabora-pdf-export-${entry.fileId}`} data-state={entry.error ? 'failed' : entry.job?.state ?? 'queued'}>
            <div style={{fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap'}} title={entry.fileName}>
                <FormattedMessage id='collabora.pdf.title' defaultMessage='PDF of {name}' values={{name: entry.fileName}}/>
            </div>
            {running && (
                <div style={bar} role='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
                    <div style={{width: `${percent}%`, height: '100%', background: 'var(--button-bg, #1c58d9)', transition: 'width 0.3s'}}/>
                </div>
            )}
            <div style={{color: failed ? 'var(--error-text, #d24b4e)' : undefined, marginTop: 4}} data-testid='collabora-pdf-status'>{statusText(intl, entry)}</div>
            <div style={{display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 8}}>
                {cancellable && (
                    <button type='button' className='co-btn' onClick={() => void exportStore.cancel(entry.fileId)} data-testid='collabora-pdf-cancel'>
                        <FormattedMessage id='collabora.pdf.cancel' defaultMessage='Cancel'/>
                    </button>
                )}
                {!running && (
                    <button type='button' className='co-btn' onClick={() => exportStore.dismiss(entry.fileId)} data-testid='collabora-pdf-dismiss'>
                        <FormattedMessage id='collabora.pdf.dismiss' defaultMessage='Dismiss'/>
                    </button>
                )}
            </div>
        </div>
    );
}

export default function ExportPanel() {
    const entries = Object.values(useExports());
    if (entries.length === 0) {
        return null;
    }
    return (
        <div style={panel} data-testid='collabora-pdf-exports'>
            {entries.map((entry) => <ExportCard key={entry.fileId} entry={entry}/>)}
        </div>
    );
}
