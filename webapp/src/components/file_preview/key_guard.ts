// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Mattermost's preview modal switches attachments on ArrowLeft/ArrowRight keyup heard on `document`
// (file_preview_modal.tsx handleKeyPress), so arrows used inside our controls (the editing-rights
// <select>) would also flip to another file. An arrow pressed inside our preview is kept from the
// modal, keyup included, even when the keyup lands elsewhere: changing the rights disables the
// <select> while it saves, and focus falls back to <body> between keydown and keyup. Escape and
// the other keys still reach the modal.
import {useEffect} from 'react';
import type {RefObject} from 'react';

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'Left', 'Right']);

export function useArrowKeysKept(ref: RefObject<HTMLElement>): void {
    useEffect(() => {
        const el = ref.current;
        if (!el) {
            return undefined;
        }
        const pressedInside = new Set<string>();
        const onKeyDown = (event: KeyboardEvent) => {
            if (ARROWS.has(event.key)) {
                pressedInside.add(event.key);
                event.stopPropagation();
            }
        };

        // Capture on window runs before any listener on document, wherever the keyup lands.
        const onKeyUp = (event: KeyboardEvent) => {
            if (!ARROWS.has(event.key)) {
                return;
            }
            const wasInside = pressedInside.delete(event.key);
            if (wasInside || el.contains(event.target as Node)) {
                event.stopPropagation();
            }
        };
        el.addEventListener('keydown', onKeyDown);
        window.addEventListener('keyup', onKeyUp, true);
        return () => {
            el.removeEventListener('keydown', onKeyDown);
            window.removeEventListener('keyup', onKeyUp, true);
        };
    }, [ref]);
}
