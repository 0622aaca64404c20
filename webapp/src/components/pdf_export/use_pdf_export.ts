// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// usePdfExport: one file's export as the progress panel and the editor's button show it.
import {useSyncExternalStore} from 'react';
import {useSelector} from 'react-redux';

import type {HostState} from '../../selectors';

import {exportStore, isRunning} from './export_store';
import type {ExportEntry} from './export_store';

// Mattermost's "Allow file sharing" (FileSettings.EnableFileAttachments, sent to clients as a
// string). Off, nobody may download files, so nobody may export them either (the server refuses too).
export const fileSharingEnabled = (state: HostState): boolean => {
    const config = state.entities?.general?.config as Record<string, unknown> | undefined;
    return config?.EnableFileAttachments !== 'false';
};

export function useExports(): Record<string, ExportEntry> {
    return useSyncExternalStore(exportStore.subscribe, exportStore.getSnapshot);
}

export function usePdfExport(fileId: string, fileName: string) {
    const entry: ExportEntry | undefined = useExports()[fileId];
    const allowed = useSelector(fileSharingEnabled);
    return {
        allowed,
        entry,
        running: isRunning(entry),
        start: () => exportStore.start(fileId, fileName),
        cancel: () => exportStore.cancel(fileId),
    };
}
