// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from '../api/testing/api_harness';
import {buildWorld, type World} from '../api/testing/personas';

import {docKey, fileKey, type DocumentRecord, type SaveKind} from './document_record';
import {DEFAULT_REMOVAL_CLAIM_SECONDS} from '../config/settings';

describe('RevisionPruner', () => {
    let h: ApiHarness;
    let w: World;
    let docId: string;
    beforeEach(async () => {
        h = await ApiHarness.start({standIn: false});
        w = buildWorld(h);
        docId = await h.postFile(w.owner, w.publicChannel, 'Plan.docx');
        await h.services.documents.resolve(docId);
    });
    afterEach(async () => h.stop());

    const record = async (): Promise<DocumentRecord> => JSON.parse((await h.api.kvGet(docKey(docId)))!.toString('utf8')) as DocumentRecord;

    // save stores a revision as PutFile does: an unattached upload, then the record.
    async function save(kind: SaveKind): Promise<string> {
        const info = h.api.addFile({name: 'Plan.docx', channel_id: w.publicChannel.id}, Buffer.from(`${kind} ${h.clock}`));
        h.clock += 1000;
        await h.services.documents.addRevision(docId, info.id, info.size, w.owner.id, h.clock, {save: kind});
        return info.id;
    }

    it('thins a session\'s autosaves to the newest, removing their bytes and file records, and keeps the rest', async () => {
        const auto1 = await save('autosave');
        const user = await save('user');
        const auto2 = await save('autosave');
        const auto3 = await save('autosave');

        expect(await h.services.pruner.prune(docId)).toBe(2);

        const doc = await record();
        expect(doc.revisions.map((r) => r.fileId)).toEqual([docId, user, auto3]);
        expect(doc.pendingRemoval).toEqual([]);
        for (const gone of [auto1, auto2]) {
            expect(h.api.hasContent(gone)).toBe(false);
            expect(await h.api.kvGet(fileKey(gone))).toBeNull();
        }
        for (const kept of [docId, user, auto3]) {
            expect(h.api.hasContent(kept)).toBe(true);
        }
        expect(await h.services.pruner.prune(docId)).toBe(0);
    });

    it('removes the file record of the id a post showed the revision under, too', async () => {
        const shown = await save('autosave');
        await save('autosave');
        // As session_ender.ts's preserve: the revision now lives in a copy, found by both ids.
        const copy = h.api.addFile({name: 'Plan.docx', channel_id: ''}, Buffer.from('copy'));
        await h.api.kvSetWithOptions(fileKey(copy.id), Buffer.from(docId));
        await h.services.documents.update(docId, (doc) => {
            const next = {...doc, revisions: doc.revisions.map((r) => (r.fileId === shown ? {...r, fileId: copy.id, originalFileId: shown} : r))};
            return {next, result: undefined};
        });

        expect(await h.services.pruner.prune(docId)).toBe(1);
        expect(await h.api.kvGet(fileKey(copy.id))).toBeNull();
        expect(await h.api.kvGet(fileKey(shown))).toBeNull();
        expect(h.api.hasContent(copy.id)).toBe(false);
    });

    it('leaves a removal cut short claimed and off the list, and the cleanup job finishes it once the claim is stale', async () => {
        const auto1 = await save('autosave');
        const auto2 = await save('autosave');
        const remove = h.api.removeFileContent.bind(h.api);
        h.api.removeFileContent = async () => { throw new Error('file store unreachable'); };

        await expect(h.services.pruner.prune(docId)).rejects.toThrow('file store unreachable');
        let doc = await record();
        expect(doc.revisions.map((r) => r.fileId)).toEqual([docId, auto2]);
        expect(doc.pendingRemoval?.map((p) => p.fileId)).toEqual([auto1]);
        expect(h.api.hasContent(auto1)).toBe(true);

        h.api.removeFileContent = remove;
        expect(await h.services.pruner.finishStale(doc)).toBe(0);
        h.clock += DEFAULT_REMOVAL_CLAIM_SECONDS * 1000;
        const report = await h.services.cleanup.run();
        expect(report?.revisionsRemoved).toBe(1);
        doc = await record();
        expect(doc.pendingRemoval).toEqual([]);
        expect(h.api.hasContent(auto1)).toBe(false);
        expect(h.api.hasContent(auto2)).toBe(true);
    });

    it('claims each revision once when two nodes prune at the same time', async () => {
        for (let i = 0; i < 6; i++) {
            await save('autosave');
        }
        const removed: string[] = [];
        const remove = h.api.removeFileContent.bind(h.api);
        h.api.removeFileContent = async (fileId: string) => {
            removed.push(fileId);
            return remove(fileId);
        };
        const counts = await Promise.all([h.services.pruner.prune(docId), h.services.pruner.prune(docId)]);
        expect(counts[0] + counts[1]).toBe(5);
        expect(new Set(removed).size).toBe(5);
        expect(removed).toHaveLength(5);
    });

    it('never removes the bytes of a file attached to a post', async () => {
        const auto1 = await save('autosave');
        await save('autosave');
        h.api.files.get(auto1)!.info.post_id = 'somepostid';
        await h.services.pruner.prune(docId);
        expect(h.api.hasContent(auto1)).toBe(true);
        await expect(h.api.removeFileContent(auto1)).rejects.toThrow('attached to a post');
    });

    it('removes the saved revisions\' bytes with a deleted post, but not the author\'s original upload', async () => {
        const exit1 = await save('exit');
        const user = await save('user');
        await h.services.remover.remove(docId, 'post deleted');
        expect(h.api.hasContent(exit1)).toBe(false);
        expect(h.api.hasContent(user)).toBe(false);
        expect(h.api.hasContent(docId)).toBe(true);
        expect(await h.api.kvGet(docKey(docId))).toBeNull();
    });
});
