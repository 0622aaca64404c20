// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// One attachment of a post, as components/file_attachment/file_attachment.tsx draws it: the plugins'
// match(fileInfo) runs while rendering (renderFileMenuItems); the "…" button exists only when public
// links are on or some match is true then; compact display has no menu at all. The component is
// memoised on its props (index.ts connects it to the config and the plugin menu list only), so a
// plugin's own state changing later does not render it again.

import {Client4} from 'mattermost-redux/client';
import React, {memo, useEffect, useRef, useState} from 'react';
import {useSelector} from 'react-redux';

import {useRegistrations} from './app';
import type {FileInfoLike} from './plugin_registry';

type AnyState = any;

function formatSize(bytes: number): string {
    if (bytes < 1024) {
        return `${bytes} B`;
    }
    return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

type Props = {fileInfo: FileInfoLike; compactDisplay: boolean; onOpen: () => void};

function FileAttachment({fileInfo, compactDisplay, onOpen}: Props) {
    const {fileDropdownMenuActions} = useRegistrations();
    const enablePublicLink = useSelector((state: AnyState) => state.entities.general.config.EnablePublicLink === 'true');
    const [menuOpen, setMenuOpen] = useState(false);
    const ref = useRef<HTMLDivElement>(null);
    useEffect(() => {
        if (!menuOpen) {
            return undefined;
        }
        const close = (event: MouseEvent) => {
            if (!ref.current?.contains(event.target as Node)) {
                setMenuOpen(false);
            }
        };
        document.addEventListener('mousedown', close);
        return () => document.removeEventListener('mousedown', close);
    }, [menuOpen]);

    if (compactDisplay) {
        // FilenameOverlay with compactDisplay: a link that opens the preview, nothing else.
        return (
            <div className='mm-file mm-file--compact' data-testid={`host-file-${fileInfo.name}`} data-file-id={fileInfo.id}>
                <button type='button' className='mm-file__main' onClick={onOpen} data-testid='host-file-open'>
                    <span className='mm-file__name'>{`📎 ${fileInfo.name}`}</span>
                </button>
            </div>
        );
    }

    const pluginItems = fileDropdownMenuActions.filter((item) => item.match(fileInfo));
    const hasMenu = enablePublicLink || pluginItems.length > 0;
    return (
        <div className='mm-file' ref={ref} data-testid={`host-file-${fileInfo.name}`} data-file-id={fileInfo.id}>
            <span className='mm-file__icon' aria-hidden='true'>{fileInfo.extension}</span>
            <button type='button' className='mm-file__main' onClick={onOpen} data-testid='host-file-open'>
                <span className='mm-file__name'>{fileInfo.name}</span>
                <span className='mm-file__size'>{`${fileInfo.extension.toUpperCase()} ${formatSize(fileInfo.size)}`}</span>
            </button>
            <a className='mm-icon-btn' href={Client4.getFileUrl(fileInfo.id, 0)} download={true} aria-label='Download'>{'⤓'}</a>
            {hasMenu && <button type='button' className='mm-dots' aria-label='more actions' onClick={() => setMenuOpen(!menuOpen)} data-testid='host-file-menu'>{'⋯'}</button>}
            {hasMenu && menuOpen && (
                <div className='mm-menu mm-menu--files' role='menu' data-testid='host-file-menu-items'>
                    {enablePublicLink && <button type='button' role='menuitem' onClick={() => setMenuOpen(false)}>{'Get a public link'}</button>}
                    {pluginItems.map((item) => (
                        <button key={item.id} type='button' role='menuitem' data-testid={`host-file-menu-item-${item.id}`} onClick={() => {
                            setMenuOpen(false);
                            item.action(fileInfo);
                        }}>{item.text}</button>
                    ))}
                </div>
            )}
        </div>
    );
}

export default memo(FileAttachment, (a, b) => a.fileInfo === b.fileInfo && a.compactDisplay === b.compactDisplay);
