// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Mattermost's preview modal switches attachments on ArrowLeft/ArrowRight keyup heard on `document`
// (file_preview_modal.tsx handleKeyPress), so arrows used inside our controls (the editing-rights
// <select>) would also flip to another file. Arrow keys stop at our preview's root; Escape and the
// other keys still reach the modal.
import {useEffect} from 'react';
import type {RefObject} from 'react';

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'Left', 'Right']);

function stopArrows(event: KeyboardEvent): void {
    if (ARROWS.has(event.key)) {
        event.stopPropagation();
    }
}

export function useArrowKeysKept(ref: RefObject<HTMLElement>): void {
    useEffect(() => {
        const el = ref.current;
        if (!el) {
            return undefined;
        }

        // Native listeners on the element run before the event bubbles to document, whatever React's root is.
        el.addEventListener('keyup', stopArrows);
        el.addEventListener('keydown', stopArrows);
        return () => {
            el.removeEventListener('keyup', stopArrows);
            el.removeEventListener('keydown', stopArrows);
        };
    }, [ref]);
}
