// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from '../api/testing/api_harness';
import {buildWorld, type World} from '../api/testing/personas';
import {createLogger} from '../logger';

import {CleanupJob} from './cleanup_job';
import {docKey, fileKey} from './document_record';

describe('CleanupJob', () => {
    let h: ApiHarness;
    let w: World;
    let job: CleanupJob;
    beforeEach(async () => {
        h = await ApiHarness.start({standIn: false});
        w = buildWorld(h);
        job = new CleanupJob(h.api, createLogger(() => undefined), h.services.live, h.services.remover, h.services.pruner, h.services.uploads, () => 3_600_000, () => h.clock);
    });
    afterEach(async () => h.stop());

    const json = (v: unknown): Buffer => Buffer.from(JSON.stringify(v));

    it('finishes interrupted removals, removes documents whose post is gone and records of documents that no longer exist, and keeps the rest', async () => {
        const kept = await h.postFile(w.owner, w.publicChannel, 'Kept.docx');
        const gone = await h.postFile(w.owner, w.publicChannel, 'Gone.docx');
        const halfRemoved = await h.postFile(w.owner, w.publicChannel, 'Half.docx');
        for (const id of [kept, gone, halfRemoved]) {
            await h.services.documents.resolve(id);
        }
        await h.api.kvSetWithOptions(`lock:${kept}`, json({lockId: 'x', expiresAt: h.clock + 60_000}));
        h.api.posts.delete([...h.api.posts.values()].find((p) => p.file_ids?.includes(gone))!.id);
        const half = JSON.parse((await h.api.kvGet(docKey(halfRemoved)))!.toString('utf8')) as Record<string, unknown>;
        await h.api.kvSetWithOptions(docKey(halfRemoved), json({...half, removedAt: 1}));
        const orphanDoc = 'o'.repeat(26);
        await h.api.kvSetWithOptions(fileKey('f'.repeat(26)), Buffer.from(orphanDoc));
        await h.api.kvSetWithOptions(`lock:${orphanDoc}`, json({lockId: 'y', expiresAt: h.clock + 60_000}));
        await h.api.kvSetWithOptions(`editors:${orphanDoc}`, json({}));

        const report = await job.run();

        expect(report).toMatchObject({documentsChecked: 3, documentsRemoved: 2, orphanRecordsRemoved: 3});
        expect(await h.api.kvGet(docKey(kept))).not.toBeNull();
        expect(await h.api.kvGet(`lock:${kept}`)).not.toBeNull();
        for (const key of [docKey(gone), docKey(halfRemoved), fileKey('f'.repeat(26)), `lock:${orphanDoc}`, `editors:${orphanDoc}`]) {
            expect(await h.api.kvGet(key)).toBeNull();
        }
        expect(JSON.parse((await h.api.kvGet('cleanup:report'))!.toString('utf8'))).toEqual(report);
    });

    it('lets one node at a time run, and frees the job when the holder dies', async () => {
        await h.api.kvSetWithOptions('cleanup:mutex', Buffer.from('other node'), {expireInSeconds: 900});
        expect(await job.run()).toBeNull();
        h.clock += 901_000;
        expect(await job.run()).not.toBeNull();
        // Released after the run.
        expect(await h.api.kvGet('cleanup:mutex')).toBeNull();
    });
});

describe('POST /api/v1/admin/cleanup', () => {
    let h: ApiHarness;
    let w: World;
    beforeEach(async () => {
        h = await ApiHarness.start({standIn: false});
        w = buildWorld(h);
    });
    afterEach(async () => h.stop());

    it('runs the cleanup for system admins only, and answers 409 while another node runs it', async () => {
        expect((await h.request(w.member, 'POST', '/api/v1/admin/cleanup')).statusCode).toBe(403);
        const ran = await h.request(w.sysadmin, 'POST', '/api/v1/admin/cleanup');
        expect(ran.statusCode).toBe(200);
        expect(ran.json()).toMatchObject({documentsChecked: 0, documentsRemoved: 0, orphanRecordsRemoved: 0});
        await h.api.kvSetWithOptions('cleanup:mutex', Buffer.from('other node'), {expireInSeconds: 900});
        const busy = await h.request(w.sysadmin, 'POST', '/api/v1/admin/cleanup');
        expect(busy.statusCode).toBe(409);
        expect(busy.json().code).toBe('CLEANUP_RUNNING');
    });
});
