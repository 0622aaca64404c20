// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Where the user last worked: the right-hand sidebar (a thread) or the centre channel. Mattermost's
// file upload methods receive no context, so "New document" infers from the last pointer or focus
// event whether the attach menu belongs to the thread reply box. Events in menus and popovers (which
// Mattermost renders in portals, outside both areas) leave the answer unchanged.
const RHS = '#sidebar-right, .sidebar--right, #rhsContainer';
const CENTER = '#channel_view, #app-content, .post-create__container, #post-create';

let lastInRhs = false;

function track(event: Event): void {
    const target = event.target;
    if (!(target instanceof Element)) {
        return;
    }
    if (target.closest(RHS)) {
        lastInRhs = true;
    } else if (target.closest(CENTER)) {
        lastInRhs = false;
    }
}

export function startTrackingComposer(doc: Document = document): () => void {
    doc.addEventListener('pointerdown', track, true);
    doc.addEventListener('focusin', track, true);
    return () => {
        doc.removeEventListener('pointerdown', track, true);
        doc.removeEventListener('focusin', track, true);
    };
}

export function wasLastInRhs(): boolean {
    return lastInRhs;
}

export function resetComposerContext(): void {
    lastInRhs = false;
}
