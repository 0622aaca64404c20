// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Browser Back closes the editor instead of leaving the channel: opening pushes one history entry,
// popstate on it asks to close, and closing by other means removes the entry again (leaving by Back
// without this kept Collabora sessions and locks alive, nextcloud/richdocuments#5962).
// One editor is open at a time, so this is a module singleton. history.back() is asynchronous: its
// popstate must not be taken for the user's Back, and an editor opened before it lands must push its
// entry only afterwards, or the pending traversal would pop the new entry.
const STATE = {collaboraEditor: true};

let listening = false;
let pushed = false;
let pendingBacks = 0;
let deferredPush = false;
let onBack: (() => void) | null = null;

function push(): void {
    if (pendingBacks > 0) {
        deferredPush = true;
        return;
    }
    window.history.pushState(STATE, '');
    pushed = true;
}

function onPopState(): void {
    if (pendingBacks > 0) {
        pendingBacks -= 1;
        if (pendingBacks === 0 && deferredPush) {
            deferredPush = false;
            push();
        }
        return;
    }
    if (pushed) {
        pushed = false;
        onBack?.();
    }
}

// The editor opened: push our entry and route Back to the handler.
export function openHistoryEntry(handler: () => void): void {
    if (!listening) {
        window.addEventListener('popstate', onPopState);
        listening = true;
    }
    onBack = handler;
    if (!pushed) {
        push();
    }
}

// The editor closed for another reason than Back: drop our entry.
export function releaseHistoryEntry(): void {
    onBack = null;
    deferredPush = false;
    if (pushed) {
        pushed = false;
        pendingBacks += 1;
        window.history.back();
    }
}

// Back was pressed but the user chose to stay: put the entry back.
export function restoreHistoryEntry(): void {
    if (!pushed) {
        push();
    }
}

export function resetHistoryEntry(): void {
    window.removeEventListener('popstate', onPopState);
    listening = false;
    pushed = false;
    pendingBacks = 0;
    deferredPush = false;
    onBack = null;
}
