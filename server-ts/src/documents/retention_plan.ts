// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {DocumentRecord, Revision} from './document_record';

// Which revisions a retention pass may remove. Pure: revision_pruner.ts removes them (stored
// bytes, KV records, revision list), planning on the record it changes by compare-and-set.
//
// Kept always: the current revision, the one the post shows, and the original upload.
// Kept while their session is the open one or among the newest `keepSessions` ended ones, and
// younger than `keepDays`:
// exit saves, saves a user asked for, restores, and the last save of each session. Autosaves
// are collapsed to the newest once a newer save of the same session landed.

export interface RetentionSettings {
    keepSessions: number;
    // 0: no age limit.
    keepDays: number;
}

const DAY_MS = 24 * 60 * 60_000;

// Everything but an autosave: Collabora marks the saves a person asked for with
// X-COOL-WOPI-IsAutosave: false, whatever IsModifiedByUser says.
const isWanted = (r: Revision): boolean => r.save !== 'autosave';

export function revisionsToRemove(doc: DocumentRecord, settings: RetentionSettings, now: number): string[] {
    const first = doc.revisions.reduce<Revision | undefined>((min, r) => (!min || r.version < min.version ? r : min), undefined);
    const protectedIds = new Set([doc.currentFileId, doc.attachedFileId, first?.fileId]);
    // Revisions without a session (older records, renamed copies) are never removed.
    const tracked = doc.revisions.filter((r) => r.session !== undefined && !protectedIds.has(r.fileId));
    const openSession = doc.sessionsEnded ?? 0;
    // The open session is always kept, beside the newest keepSessions ended ones.
    const oldestKeptSession = openSession - settings.keepSessions;
    const lastOfSession = new Map<number, number>();
    for (const r of doc.revisions) {
        if (r.session !== undefined) {
            lastOfSession.set(r.session, Math.max(lastOfSession.get(r.session) ?? 0, r.version));
        }
    }
    return tracked.filter((r) => {
        const session = r.session as number;
        if (session < oldestKeptSession || (settings.keepDays > 0 && now - r.createdAt > settings.keepDays * DAY_MS)) {
            return true;
        }
        const isLastOfSession = lastOfSession.get(session) === r.version;
        return !isWanted(r) && !isLastOfSession;
    }).map((r) => r.fileId);
}
