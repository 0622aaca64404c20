// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {Readable} from 'node:stream';

import type {FileInfo} from '@mattermost/types/files';

import {BridgeHeaders} from '../http/bridge_headers';
import {WopiHarness} from '../testing/wopi_harness';

const LOCK = 'cool-lock0123abcd';

// PutFile behind the shim (build/shim/store_body.go): the head first, with the body's length;
// the app checks everything and asks the shim to store the body; the same head again with the
// stored FileInfo (or the failure); the app checks everything again and records the revision.
// Collabora gets exactly the answers of a save whose body passed through Node.
describe('PutFile with the body stored by the shim', () => {
    let h: WopiHarness;
    let docId: string;
    let token: string;

    beforeEach(async () => {
        h = await WopiHarness.start();
        const owner = h.addUser('ana');
        docId = await h.postDocument(owner, 'report.docx', Buffer.from('original bytes'));
        token = await h.token(owner, docId, 'edit');
        expect((await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': LOCK}})).statusCode).toBe(200);
    });
    afterEach(() => h.stop());

    const stored = async () => h.fileBytes((await h.services.documents.require(docId)).currentFileId).toString();
    const lastModified = async () => (JSON.parse((await h.wopi('GET', docId, token)).body) as {LastModifiedTime: string}).LastModifiedTime;
    const offer = (size: number, headers: Record<string, string>) => h.wopi('POST', docId, token, {contents: true, headers: {...headers, [BridgeHeaders.canStoreBody]: String(size)}});
    // As the shim: the result, and the directive handed back as the app gave it.
    const report = (info: FileInfo, headers: Record<string, string>, directive = '') => h.wopi('POST', docId, token, {contents: true,
        headers: {...headers, [BridgeHeaders.storedFile]: Buffer.from(JSON.stringify(info)).toString('base64'), ...(directive ? {[BridgeHeaders.storeBody]: directive} : {})}});
    // What the shim does with the directive: an upload session with exactly these parameters.
    const shimStores = async (directive: string, bytes: string): Promise<FileInfo> => {
        const d = JSON.parse(Buffer.from(directive, 'base64').toString('utf8')) as {user_id: string; channel_id: string; filename: string; file_size: number};
        return h.api.uploadData({userId: d.user_id, channelId: d.channel_id, filename: d.filename, fileSize: d.file_size}, Readable.from([Buffer.from(bytes)]));
    };

    it('asks the shim to store the body, then records the stored file as the new revision', async () => {
        h.clock += 5000;
        const headers = {'x-wopi-override': 'PUT', 'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': await lastModified()};
        const first = await offer(9, headers);
        expect(first.statusCode).toBe(200);
        const directive = String(first.headers[BridgeHeaders.storeBody]);
        const parsed = JSON.parse(Buffer.from(directive, 'base64').toString('utf8')) as {marker: string};
        expect(parsed).toEqual({user_id: 'nouser', channel_id: h.channel.id, filename: 'report.docx', file_size: 9, marker: expect.stringMatching(`^upload:${docId}:`)});
        expect(await stored()).toBe('original bytes');
        // Until the stored file is recorded, its upload marker leads the cleanup job to it.
        expect(await h.api.kvGet(parsed.marker)).not.toBeNull();

        const res = await report(await shimStores(directive, 'new bytes'), headers, directive);
        expect(await h.api.kvGet(parsed.marker)).toBeNull();
        expect(res.statusCode).toBe(200);
        expect(res.headers['x-wopi-itemversion']).toBe('2');
        expect((JSON.parse(res.body) as {LastModifiedTime: string}).LastModifiedTime).toBe(await lastModified());
        expect(await stored()).toBe('new bytes');
    });

    it('refuses from the head alone, with the answers Collabora gets today: lock, timestamp, size', async () => {
        const wrongLock = await offer(5, {'x-wopi-lock': 'cool-lockother'});
        expect([wrongLock.statusCode, wrongLock.headers['x-wopi-lock'], wrongLock.headers[BridgeHeaders.storeBody]]).toEqual([409, LOCK, undefined]);
        const stale = await offer(5, {'x-wopi-lock': LOCK, 'x-cool-wopi-timestamp': '2001-01-01T00:00:00.000Z'});
        expect([stale.statusCode, JSON.parse(stale.body)]).toEqual([409, {COOLStatusCode: 1010}]);
        const large = await offer(10 * 1024 * 1024 + 1, {'x-wopi-lock': LOCK});
        expect([large.statusCode, large.headers[BridgeHeaders.storeBody]]).toEqual([413, undefined]);
        expect(await stored()).toBe('original bytes');
    });

    it('checks again when the stored file is reported, and removes the bytes of a save then refused', async () => {
        const first = await offer(4, {'x-wopi-lock': LOCK});
        const info = await shimStores(String(first.headers[BridgeHeaders.storeBody]), 'lost');
        // Another session took the lock meanwhile.
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'UNLOCK', 'x-wopi-lock': LOCK}});
        await h.wopi('POST', docId, token, {headers: {'x-wopi-override': 'LOCK', 'x-wopi-lock': 'cool-lockother'}});
        const res = await report(info, {'x-wopi-lock': LOCK});
        expect([res.statusCode, res.headers['x-wopi-lock']]).toEqual([409, 'cool-lockother']);
        expect(await stored()).toBe('original bytes');
        // Its bytes are gone already: removing them again removes nothing.
        expect(await h.api.removeFileContent(info.id)).toEqual([]);
    });

    it('answers a failed store as a failed save and changes nothing', async () => {
        const tooLarge = await h.wopi('POST', docId, token, {contents: true, headers: {'x-wopi-lock': LOCK, [BridgeHeaders.storeFailed]: '413'}});
        expect(tooLarge.statusCode).toBe(413);
        const cut = await h.wopi('POST', docId, token, {contents: true, headers: {'x-wopi-lock': LOCK, [BridgeHeaders.storeFailed]: '500'}});
        expect(cut.statusCode).toBe(500);
        expect(await stored()).toBe('original bytes');
        expect((await h.services.documents.require(docId)).version).toBe(1);
    });
});
