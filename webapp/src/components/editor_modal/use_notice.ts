// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// A short message in the editor's header that goes away by itself.
import {useEffect, useState} from 'react';

const NOTICE_MS = 6000;

export function useNotice(): [string, (text: string) => void] {
    const [notice, setNotice] = useState('');
    useEffect(() => {
        if (!notice) {
            return undefined;
        }
        const timer = window.setTimeout(() => setNotice(''), NOTICE_MS);
        return () => window.clearTimeout(timer);
    }, [notice]);
    return [notice, setNotice];
}
