// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// components/file_preview_modal/file_preview_modal.tsx: a react-bootstrap Modal over the post's
// attachments. The body is the first plugin previewer whose override(fileInfo, post) is true
// (skipped for archived files), else Mattermost's own. ArrowLeft/ArrowRight keyup anywhere on
// `document` shows the previous/next attachment (handleKeyPress); Escape closes (Modal keyboard);
// focus stays inside the dialog (Modal enforceFocus). `post` may be undefined (search results).

import {Client4} from 'mattermost-redux/client';
import React, {useEffect, useRef, useState} from 'react';

import {useRegistrations} from './app';
import type {FileInfoLike} from './plugin_registry';

type Props = {fileInfos: FileInfoLike[]; startIndex: number; post?: unknown; onClose: () => void};

export function FilePreviewModal({fileInfos, startIndex, post, onClose}: Props) {
    const {filePreviewComponents} = useRegistrations();
    const [index, setIndex] = useState(startIndex);
    const dialog = useRef<HTMLDivElement>(null);
    const fileInfo = fileInfos[index];

    useEffect(() => {
        const onKeyUp = (e: KeyboardEvent) => {
            if (e.key === 'ArrowRight') {
                setIndex((i) => (i + 1) % fileInfos.length);
            } else if (e.key === 'ArrowLeft') {
                setIndex((i) => (i - 1 + fileInfos.length) % fileInfos.length);
            }
        };
        const onKeyDown = (e: KeyboardEvent) => {
            if (e.key === 'Escape') {
                onClose();
            }
        };
        const onFocusIn = (e: FocusEvent) => {
            if (dialog.current && !dialog.current.contains(e.target as Node)) {
                dialog.current.focus();
            }
        };
        document.addEventListener('keyup', onKeyUp);
        document.addEventListener('keydown', onKeyDown);
        document.addEventListener('focusin', onFocusIn);
        dialog.current?.focus();
        return () => {
            document.removeEventListener('keyup', onKeyUp);
            document.removeEventListener('keydown', onKeyDown);
            document.removeEventListener('focusin', onFocusIn);
        };
    }, [fileInfos.length, onClose]);

    const previewer = fileInfo.archived ? undefined : filePreviewComponents.find((p) => p.override(fileInfo, post));
    return (
        <div className='mm-modal-backdrop' data-testid='host-preview-modal' data-index={index}>
            <div className='mm-preview' role='dialog' aria-label={fileInfo.name} tabIndex={-1} ref={dialog}>
                <div className='mm-preview__header'>
                    <span className='mm-preview__title' data-testid='host-preview-title'>{fileInfo.name}</span>
                    {fileInfos.length > 1 && <span className='mm-post__time'>{`${index + 1} / ${fileInfos.length}`}</span>}
                    <a className='mm-btn mm-btn--tertiary' style={{display: 'inline-flex', alignItems: 'center', textDecoration: 'none'}} href={Client4.getFileUrl(fileInfo.id, Date.now())} download={true}>{'Download'}</a>
                    <button type='button' className='mm-icon-btn' aria-label='Close' onClick={onClose} data-testid='host-preview-close'>{'✕'}</button>
                </div>
                <div className='mm-preview__body'>
                    {previewer ? (
                        <previewer.component key={fileInfo.id} fileInfo={fileInfo} post={post} onModalDismissed={onClose}/>
                    ) : (
                        <div className='mm-preview__default' data-testid='host-default-preview'>
                            <span className='mm-file__icon' style={{width: 56, height: 68, fontSize: 14}}>{fileInfo.extension}</span>
                            <strong>{fileInfo.name}</strong>
                            <span>{'Preview not available'}</span>
                        </div>
                    )}
                </div>
            </div>
        </div>
    );
}
