// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// A small modal dialog in Mattermost's look (theme variables), used by every dialog of the plugin.
// Esc and a click on the backdrop close it; Esc is consumed so the editor behind it stays open.
import React, {useEffect, useRef} from 'react';
import type {ReactNode} from 'react';
import {createPortal} from 'react-dom';
import {useIntl} from 'react-intl';

export type Props = {
    title: ReactNode;
    onClose: () => void;
    children?: ReactNode;
    footer?: ReactNode;
    testId?: string;
};

export default function Dialog({title, onClose, children, footer, testId}: Props) {
    const intl = useIntl();
    const ref = useRef<HTMLDivElement>(null);
    const titleId = useRef(`co-dialog-title-${Math.random().toString(36).slice(2, 8)}`).current;

    useEffect(() => {
        const previous = document.activeElement as HTMLElement | null;
        const first = ref.current?.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button.co-btn');
        first?.focus();
        return () => previous?.focus?.();
    }, []);

    const onKeyDown = (event: React.KeyboardEvent) => {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
        }
    };

    return createPortal(
        <div
            className='co-backdrop co-root'
            onKeyDown={onKeyDown}
            onMouseDown={(event) => {
                if (event.target === event.currentTarget) {
                    onClose();
                }
            }}
        >
            <div ref={ref} className='co-dialog' role='dialog' aria-modal='true' aria-labelledby={titleId} data-testid={testId}>
                <div className='co-dialog__header'>
                    <h2 id={titleId} className='co-dialog__title'>{title}</h2>
                    <button
                        type='button'
                        className='co-icon-btn'
                        aria-label={intl.formatMessage({id: 'collabora.dialog.close', defaultMessage: 'Close'})}
                        onClick={onClose}
                    >
                        {'×'}
                    </button>
                </div>
                <div className='co-dialog__body'>{children}</div>
                {footer && <div className='co-dialog__footer'>{footer}</div>}
            </div>
        </div>,
        document.body,
    );
}
