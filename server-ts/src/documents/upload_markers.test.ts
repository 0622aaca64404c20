// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {Readable} from 'node:stream';

import {ApiHarness} from '../api/testing/api_harness';
import {buildWorld, type World} from '../api/testing/personas';
import {storeRevision} from '../wopi/store_revision';

import {fileKey, REVISION_UPLOADER} from './document_record';

describe('saves cut short', () => {
    let h: ApiHarness;
    let w: World;
    let docId: string;
    beforeEach(async () => {
        h = await ApiHarness.start({standIn: false});
        w = buildWorld(h);
        docId = await h.postFile(w.owner, w.publicChannel, 'Notes.docx');
        await h.services.documents.resolve(docId);
    });
    afterEach(async () => h.stop());

    const body = (text: string) => ({stream: Readable.from([Buffer.from(text)]), size: text.length, release: async () => undefined});
    const markers = async (): Promise<string[]> => (await h.api.kvList(0, 100)).filter((k) => k.startsWith('upload:'));
    const nouserFiles = () => [...h.api.files.values()].filter((f) => f.info.user_id === REVISION_UPLOADER && f.info.name === 'Notes.docx').map((f) => f.info.id);

    it('leaves no marker and no stray file after a save, recorded or refused', async () => {
        const doc = await h.services.documents.require(docId);
        const saved = await storeRevision(h.services, doc, body('first'), w.owner.id);
        expect(saved?.currentFileId).toBeDefined();
        // The same save again, against the timestamp it no longer has: refused, and its bytes go.
        const refused = await storeRevision(h.services, doc, body('second'), w.owner.id, {expectLastModified: 'an older time'});
        expect(refused).toBeNull();
        expect(await markers()).toEqual([]);
        const stray = nouserFiles().filter((id) => id !== saved!.currentFileId);
        expect(stray).toHaveLength(1);
        expect(h.api.hasContent(stray[0])).toBe(false);
        expect(h.api.hasContent(saved!.currentFileId)).toBe(true);
    });

    it('finds the file of a save whose node stopped before recording it, once the marker is stale, and only that one', async () => {
        const doc = await h.services.documents.require(docId);
        await h.services.uploads.begin(doc, doc.name);
        // The node stored the bytes, then died before the record named them.
        const orphan = h.api.addFile({name: doc.name, channel_id: doc.channelId, user_id: REVISION_UPLOADER}, Buffer.from('orphan'));
        // A save recorded meanwhile, in the same channel under the same name, stays.
        const recorded = await storeRevision(h.services, doc, body('recorded'), w.owner.id);

        expect((await h.services.cleanup.run())?.orphanUploadsRemoved).toBe(0);
        expect(h.api.hasContent(orphan.id)).toBe(true);

        h.clock += 60 * 60_000;
        expect((await h.services.cleanup.run())?.orphanUploadsRemoved).toBe(1);
        expect(h.api.hasContent(orphan.id)).toBe(false);
        expect(h.api.hasContent(recorded!.currentFileId)).toBe(true);
        expect(await h.api.kvGet(fileKey(recorded!.currentFileId))).not.toBeNull();
        expect(await markers()).toEqual([]);
    });
});
