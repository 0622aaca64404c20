// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Browser Back closes the editor instead of leaving the channel: opening pushes a history entry,
// popstate on it asks to close, and closing by other means removes the entry again. Leaving by Back
// without this kept Collabora locks alive in other hosts (nextcloud/richdocuments#5962).
import {useCallback, useEffect, useRef} from 'react';

const STATE = {collaboraEditor: true};

export default function useHistoryEntry(onBack: () => void) {
    const pushed = useRef(false);
    const onBackRef = useRef(onBack);
    onBackRef.current = onBack;

    useEffect(() => {
        window.history.pushState(STATE, '');
        pushed.current = true;
        const onPop = () => {
            if (pushed.current) {
                pushed.current = false;
                onBackRef.current();
            }
        };
        window.addEventListener('popstate', onPop);
        return () => {
            window.removeEventListener('popstate', onPop);
            if (pushed.current) {
                pushed.current = false;
                window.history.back();
            }
        };
    }, []);

    // Drop our entry (we are closing for another reason).
    const release = useCallback(() => {
        if (pushed.current) {
            pushed.current = false;
            window.history.back();
        }
    }, []);

    // Back was pressed but the user chose to stay: put the entry back.
    const restore = useCallback(() => {
        if (!pushed.current) {
            window.history.pushState(STATE, '');
            pushed.current = true;
        }
    }, []);

    return {release, restore};
}
