// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// RemoveFileContent (the shim removes a revision's bytes through Mattermost's own filestore
// package, built from Mattermost's own settings) against the real server, on whichever driver the
// stack runs: the local directory or the S3 bucket, listed through the store's own API, proves
// the bytes are gone; a post's file is refused and its bytes stay. Called through the sidecar's
// test route (COLLABORA_SIDECAR_TEST_ROUTES=1, set by the Makefile's integration targets).

import {randomBytes} from 'node:crypto';

import {fileInfoPath, fileStoreView, storageDriver} from '../stack/file_store';
import {clientAs, readStack, requirePlugin} from '../stack/stack';

const store = fileStoreView();

describe(`RemoveFileContent (${storageDriver()} driver)`, () => {
    const member = clientAs('member');
    const channelId = readStack().channels.public.id;
    const route = (fileId: string): string => `/plugins/${requirePlugin().id}/api/v1/test/remove-file-content?file_id=${fileId}`;

    async function upload(name: string): Promise<string> {
        const form = new FormData();
        form.append('channel_id', channelId);
        form.append('files', new Blob([new Uint8Array(randomBytes(64 * 1024))]), name);
        const uploaded = await member.request<{file_infos: {id: string}[]}>('POST', '/api/v4/files', {body: form});
        return uploaded.file_infos[0].id;
    }

    async function listed(fileId: string): Promise<boolean> {
        const key = store.keyOf(fileInfoPath(fileId));
        return (await store.list()).some((f) => f.key === key);
    }

    async function remove(fileId: string): Promise<{status: number; body: {removed_paths?: string[]; error?: string}}> {
        const res = await member.fetch('POST', route(fileId));
        if (res.status === 404 && !(await res.clone().text()).includes('{')) {
            throw new Error('the sidecar has no test routes: run through the Makefile (COLLABORA_SIDECAR_TEST_ROUTES=1)');
        }
        return {status: res.status, body: await res.json() as {removed_paths?: string[]; error?: string}};
    }

    it('removes an unattached file\'s bytes from the store, and again is a no-op', async () => {
        const fileId = await upload('retired-revision.docx');
        const kept = await upload('kept-neighbour.docx');
        expect(await listed(fileId)).toBe(true);

        const first = await remove(fileId);
        expect(first).toEqual({status: 200, body: {removed_paths: [fileInfoPath(fileId)]}});
        expect({where: store.where, listed: await listed(fileId)}).toEqual({where: store.where, listed: false});
        expect(await listed(kept)).toBe(true);

        expect(await remove(fileId)).toEqual({status: 200, body: {removed_paths: []}});
    });

    it('refuses a file a post shows and leaves its bytes', async () => {
        const fileId = await upload('shown.docx');
        await member.request('POST', '/api/v4/posts', {body: {channel_id: channelId, message: 'remove-file-content test', file_ids: [fileId]}});

        const refused = await remove(fileId);
        expect(refused.status).toBe(409);
        expect(refused.body.error).toContain('attached to post');
        expect(await listed(fileId)).toBe(true);
    });
});
