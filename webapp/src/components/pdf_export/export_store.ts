// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The exports this browser started ("Send as PDF to the thread"), one per file, polled until they end.
// The server's job record is the truth (server-ts/src/export/pdf_job.ts); this only mirrors it for the
// progress panel and the editor's button, so it is a small external store, not part of the Redux state.
import {client, ClientError} from '../../client';
import type {PdfExport} from '../../client';

export type ExportEntry = {
    fileId: string;
    fileName: string;
    // Null until the server answered the start.
    job: PdfExport | null;
    // Why the export could not start or be followed (the server's words when it gave any).
    error: string;
};

type Listener = () => void;

const POLL_MS = 1000;
const FINISHED = ['done', 'failed', 'cancelled'];

export const isRunning = (entry: ExportEntry | undefined): boolean => Boolean(entry && !entry.error && (!entry.job || !FINISHED.includes(entry.job.state)));

export class ExportStore {
    private entries: Record<string, ExportEntry> = {};
    private readonly listeners = new Set<Listener>();
    private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

    constructor(private readonly api: Pick<typeof client, 'startPdfExport' | 'getPdfExport' | 'cancelPdfExport'> = client, private readonly pollMs = POLL_MS) {}

    subscribe = (listener: Listener): (() => void) => {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    };

    // A new object whenever anything changed, as useSyncExternalStore wants.
    getSnapshot = (): Record<string, ExportEntry> => this.entries;

    async start(fileId: string, fileName: string): Promise<void> {
        if (isRunning(this.entries[fileId])) {
            return;
        }
        this.set({fileId, fileName, job: null, error: ''});
        try {
            this.follow(fileId, fileName, await this.api.startPdfExport(fileId));
        } catch (err) {
            this.set({fileId, fileName, job: null, error: messageOf(err)});
        }
    }

    async cancel(fileId: string): Promise<void> {
        const entry = this.entries[fileId];
        if (!entry?.job) {
            return;
        }
        try {
            this.follow(fileId, entry.fileName, await this.api.cancelPdfExport(entry.job.jobId));
        } catch (err) {
            // Too late (already posting or ended): the next poll shows how it ended.
            if (!(err instanceof ClientError && err.status === 409)) {
                this.set({...entry, error: messageOf(err)});
            }
        }
    }

    dismiss(fileId: string): void {
        this.stopPolling(fileId);
        const {[fileId]: _gone, ...rest} = this.entries;
        this.entries = rest;
        this.emit();
    }

    // Entries stay under the file the user clicked; the job names the revision it converts.
    private follow(fileId: string, fileName: string, job: PdfExport): void {
        this.set({fileId, fileName, job, error: ''});
        this.stopPolling(fileId);
        if (FINISHED.includes(job.state)) {
            return;
        }
        this.timers.set(fileId, setTimeout(async () => {
            this.timers.delete(fileId);
            try {
                this.follow(fileId, fileName, await this.api.getPdfExport(job.jobId));
            } catch (err) {
                const entry = this.entries[fileId];
                if (entry) {
                    this.set({...entry, error: messageOf(err)});
                }
            }
        }, this.pollMs));
    }

    private stopPolling(fileId: string): void {
        const timer = this.timers.get(fileId);
        if (timer) {
            clearTimeout(timer);
            this.timers.delete(fileId);
        }
    }

    private set(entry: ExportEntry): void {
        this.entries = {...this.entries, [entry.fileId]: entry};
        this.emit();
    }

    private emit(): void {
        for (const listener of this.listeners) {
            listener();
        }
    }
}

function messageOf(err: unknown): string {
    if (err instanceof ClientError && err.message) {
        return err.message;
    }
    return 'The export could not be started. Please try again.';
}

export const exportStore = new ExportStore();
