// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {verifyToken} from '../tokens';
import {wopiSrc} from '../wopi/wopi_src';

import {languageOf} from './open_file';
import {ApiHarness, SITE_URL} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

describe('POST /api/v1/files/{fileId}/open', () => {
    let h: ApiHarness;
    let w: World;
    let doc: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
    });
    afterEach(async () => h.stop());

    const open = (user: Parameters<ApiHarness['request']>[0], fileId: string, body: unknown, headers: Record<string, string> = {}) =>
        h.request(user, 'POST', `/api/v1/files/${fileId}/open`, body, headers);

    it('opens for editing with an edit token bound to the document', async () => {
        const res = await open(w.member, doc, {mode: 'edit'}, {'accept-language': 'de-DE,de;q=0.9,en;q=0.5'});
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body).toEqual({
            actionUrl: expect.any(String), accessToken: expect.any(String), accessTokenTtl: expect.any(Number),
            mode: 'edit', docId: doc, fileName: 'Plan.docx', postMessageOrigin: SITE_URL,
        });
        const url = new URL(body.actionUrl);
        expect(url.origin).toBe(h.standIn!.url);
        expect(url.searchParams.get('WOPISrc')).toBe(wopiSrc(SITE_URL, doc));
        expect(url.searchParams.get('lang')).toBe('de-DE');
        expect(url.searchParams.get('closebutton')).toBe('1');
        expect(url.searchParams.get('revisionhistory')).toBe('1');
        expect(url.searchParams.get('permission')).toBeNull();
        // The token never travels in the iframe URL.
        expect(body.actionUrl).not.toContain(body.accessToken);
        const verified = verifyToken(await h.services.keys.get(), body.accessToken, h.clock, doc);
        expect(verified.ok && verified.claims).toMatchObject({userId: w.member.id, docId: doc, mode: 'edit'});
        expect(body.accessTokenTtl).toBeGreaterThan(h.clock);
    });

    it('gives every user the same WOPISrc', async () => {
        const a = (await open(w.member, doc, {mode: 'edit'})).json();
        const b = (await open(w.teamReader, await h.postFile(w.owner, w.publicChannel, 'x.odt'), {mode: 'view'})).json();
        const c = (await open(w.guest, doc, {mode: 'view'})).json();
        expect(new URL(a.actionUrl).searchParams.get('WOPISrc')).toBe(new URL(c.actionUrl).searchParams.get('WOPISrc'));
        expect(b.mode).toBe('view');
    });

    it.each([
        ['guest', 'privateChannel'],
        ['teamReader', 'publicChannel'],
        ['readOnlyMember', 'moderatedChannel'],
        ['archivedMember', 'archivedChannel'],
    ] as const)('downgrades a %s who asks to edit to view', async (who, channel) => {
        const fileId = await h.postFile(w.owner, w[channel], 'Notes.odt');
        const res = await open(w[who], fileId, {mode: 'edit'});
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.mode).toBe('view');
        // Discovery has only an edit action for odt, so Collabora is asked to stay read-only.
        expect(new URL(body.actionUrl).searchParams.get('permission')).toBe('readonly');
        const verified = verifyToken(await h.services.keys.get(), body.accessToken, h.clock, fileId);
        expect(verified.ok && verified.claims.mode).toBe('view');
    });

    it('opens a view-only format with its view action, even for an editor', async () => {
        const pdf = await h.postFile(w.owner, w.privateChannel, 'Scan.pdf');
        const body = (await open(w.owner, pdf, {mode: 'edit'})).json();
        expect(body.mode).toBe('view');
        expect(new URL(body.actionUrl).searchParams.get('permission')).toBeNull();
    });

    it('answers 404 to an outsider and for an unknown file', async () => {
        for (const [user, fileId] of [[w.outsider, doc], [w.member, 'z'.repeat(26)]] as const) {
            const res = await open(user, fileId, {mode: 'view'});
            expect(res.statusCode).toBe(404);
            expect(res.json().code).toBe('FILE_NOT_FOUND');
        }
    });

    it('refuses a bad mode and a bad body', async () => {
        expect((await open(w.member, doc, {mode: 'write'})).json()).toMatchObject({code: 'INVALID_FIELD'});
        expect((await open(w.member, doc, {})).statusCode).toBe(400);
        expect((await open(w.member, doc, 'nope')).json()).toMatchObject({code: 'INVALID_JSON'});
        expect((await open(w.member, doc, undefined)).json()).toMatchObject({code: 'INVALID_BODY'});
    });

    it('answers 503 when Collabora cannot open the format', async () => {
        const zip = await h.postFile(w.owner, w.privateChannel, 'archive.zip');
        const res = await open(w.owner, zip, {mode: 'view'});
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({error: 'Collabora Online cannot open .zip files.', code: 'FORMAT_NOT_SUPPORTED'});
    });

    it('answers 503 with the reason when discovery is unavailable', async () => {
        h.state.applyConfiguration({CollaboraUrl: 'http://127.0.0.1:1'});
        const res = await open(w.owner, doc, {mode: 'edit'});
        expect(res.statusCode).toBe(503);
        expect(res.json()).toEqual({error: expect.stringMatching(/could not be fetched/), code: 'COLLABORA_UNAVAILABLE'});
    });

    it('needs a session', async () => {
        expect((await open(null, doc, {mode: 'view'})).statusCode).toBe(401);
    });
});

describe('languageOf', () => {
    it.each([
        ['fr-CA,fr;q=0.8', 'fr-CA'],
        ['*;q=0.5, en', 'en'],
        ['"><script>, de', 'de'],
        ['', undefined],
        [undefined, undefined],
    ])('%s -> %s', (header, lang) => {
        expect(languageOf(header)).toBe(lang);
    });
});
