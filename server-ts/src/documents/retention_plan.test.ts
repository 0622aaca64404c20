// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {DocumentRecord, Revision, SaveKind} from './document_record';
import {revisionsToRemove} from './retention_plan';

const DAY = 24 * 60 * 60_000;
const NOW = 100 * DAY;

function rev(version: number, session: number | undefined, save: SaveKind | undefined, ageDays = 0): Revision {
    return {fileId: `f${version}`, size: 1, createdAt: NOW - ageDays * DAY, userId: 'u', version, ...(session === undefined ? {} : {session}), ...(save ? {save} : {})};
}

function doc(revisions: Revision[], sessionsEnded: number, current = revisions[revisions.length - 1].fileId, attached = current): DocumentRecord {
    return {docId: 'f1', postId: 'p', channelId: 'c', ownerId: 'u', name: 'a.odt', currentFileId: current, attachedFileId: attached, size: 1, version: revisions.length,
        lastModified: '', revisions, editorsSinceSwap: [], sessionsEnded};
}

const settings = {keepSessions: 2, keepDays: 30};

describe('revisionsToRemove', () => {
    it('collapses autosaves of a session to its last save, and keeps exit, user and restored saves', () => {
        const revisions = [rev(1, undefined, undefined), rev(2, 0, 'autosave'), rev(3, 0, 'user'), rev(4, 0, 'autosave'), rev(5, 0, 'restore'), rev(6, 0, 'autosave'), rev(7, 0, 'autosave')];
        expect(revisionsToRemove(doc(revisions, 0), settings, NOW)).toEqual(['f2', 'f4', 'f6']);
    });

    it('keeps the open session and the last save of each kept ended session, drops older sessions, never the original, the current or the shown one', () => {
        const revisions = [rev(1, undefined, undefined), rev(2, 0, 'exit'), rev(3, 1, 'autosave'), rev(4, 1, 'exit'), rev(5, 2, 'autosave'), rev(6, 2, 'autosave')];
        // Sessions 0 and 1 ended; session 2 is open. Two ended sessions kept: 0, 1 and the open 2.
        expect(revisionsToRemove(doc(revisions, 2, 'f6', 'f4'), settings, NOW)).toEqual(['f3', 'f5']);
        // One ended session kept: 1 and the open 2.
        const one = {...settings, keepSessions: 1};
        expect(revisionsToRemove(doc(revisions, 2, 'f6', 'f4'), one, NOW)).toEqual(['f2', 'f3', 'f5']);
        // The post still shows the oldest one: it stays.
        expect(revisionsToRemove(doc(revisions, 2, 'f6', 'f2'), one, NOW)).toEqual(['f3', 'f5']);
    });

    it('drops revisions older than the kept days, and never revisions without a session', () => {
        const revisions = [rev(1, undefined, undefined, 90), rev(2, undefined, undefined, 80), rev(3, 0, 'exit', 40), rev(4, 0, 'exit', 1)];
        expect(revisionsToRemove(doc(revisions, 0), settings, NOW)).toEqual(['f3']);
    });
});
