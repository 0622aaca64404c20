// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';

import {fileNameFor} from './new_document';
import {ApiHarness, REPO_ROOT} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

describe('POST /api/v1/documents', () => {
    let h: ApiHarness;
    let w: World;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
    });
    afterEach(async () => h.stop());

    const create = (user: Parameters<ApiHarness['request']>[0], body: unknown) => h.request(user, 'POST', '/api/v1/documents', body);

    it('posts a blank OOXML document as the user, with the template bytes', async () => {
        const res = await create(w.member, {channelId: w.privateChannel.id, name: 'Quarterly report', kind: 'document', colour: 'ignored'});
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body).toEqual({postId: expect.any(String), fileId: expect.any(String), fileName: 'Quarterly report.docx'});
        const post = await h.api.getPost(body.postId);
        expect(post).toMatchObject({user_id: w.member.id, channel_id: w.privateChannel.id, root_id: '', message: '', file_ids: [body.fileId]});
        const template = await readFile(path.join(REPO_ROOT, 'assets', 'templates', 'blank.docx'));
        expect(h.api.files.get(body.fileId)?.data.equals(template)).toBe(true);
        // The new file is at once a document the member may edit.
        expect((await h.request(w.member, 'GET', `/api/v1/files/${body.fileId}/rights`)).json()).toMatchObject({canEdit: true});
    });

    it.each([
        ['odf', 'spreadsheet', 'Budget.ods'],
        ['odf', 'presentation', 'Budget.odp'],
        ['ooxml', 'spreadsheet', 'Budget.xlsx'],
        ['ooxml', 'presentation', 'Budget.pptx'],
    ])('uses the %s format for a %s', async (format, kind, fileName) => {
        h.state.applyConfiguration({...h.state.rawSettings, NewDocumentFormat: format});
        const res = await create(w.owner, {channelId: w.publicChannel.id, name: 'Budget', kind});
        expect(res.json().fileName).toBe(fileName);
    });

    it('replies in the thread of the given post, even when given a reply', async () => {
        const root = await h.api.createPost({user_id: w.owner.id, channel_id: w.privateChannel.id, message: 'root'});
        const reply = await h.api.createPost({user_id: w.owner.id, channel_id: w.privateChannel.id, root_id: root.id, message: 'reply'});
        const res = await create(w.member, {channelId: w.privateChannel.id, rootId: reply.id, name: 'Notes', kind: 'document'});
        expect(res.statusCode).toBe(200);
        expect((await h.api.getPost(res.json().postId)).root_id).toBe(root.id);
    });

    it('refuses a root post of another channel or an unknown one', async () => {
        const elsewhere = await h.api.createPost({user_id: w.owner.id, channel_id: w.publicChannel.id, message: 'x'});
        for (const rootId of [elsewhere.id, 'q'.repeat(26), 'bad id']) {
            const res = await create(w.member, {channelId: w.privateChannel.id, rootId, name: 'Notes', kind: 'document'});
            expect(res.statusCode).toBe(400);
        }
    });

    it.each([
        ['outsider', 'privateChannel', 404, 'CHANNEL_NOT_FOUND'],
        ['teamReader', 'publicChannel', 403, 'CANNOT_POST'],
        ['readOnlyMember', 'moderatedChannel', 403, 'CANNOT_POST'],
        ['archivedMember', 'archivedChannel', 403, 'CHANNEL_ARCHIVED'],
    ] as const)('refuses a %s', async (who, channel, status, code) => {
        const before = h.api.files.size;
        const res = await create(w[who], {channelId: w[channel].id, name: 'Notes', kind: 'document'});
        expect(res.statusCode).toBe(status);
        expect(res.json().code).toBe(code);
        expect(h.api.files.size).toBe(before);
    });

    it('refuses an unknown channel like a hidden one', async () => {
        const res = await create(w.sysadmin, {channelId: 'k'.repeat(26), name: 'Notes', kind: 'document'});
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('CHANNEL_NOT_FOUND');
    });

    it('lets a guest member who may post create one', async () => {
        const res = await create(w.guest, {channelId: w.privateChannel.id, name: 'Guest notes', kind: 'document'});
        expect(res.statusCode).toBe(200);
    });

    it.each([
        ['a path separator', 'reports/q1'],
        ['a backslash', 'a\\b'],
        ['markup', '<img src=x onerror=alert(1)>'],
        ['a dot-dot', '..'],
        ['leading spaces', '  padded'],
        ['a control character', 'a\u0007b'],
        ['an oversized name', 'x'.repeat(201)],
        ['a huge name', 'x'.repeat(5000)],
        ['an empty name', ''],
        ['a number', 42],
    ])('refuses %s with 400', async (_what, name) => {
        const res = await create(w.member, {channelId: w.privateChannel.id, name, kind: 'document'});
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({error: expect.any(String), code: expect.stringMatching(/^INVALID_(NAME|FIELD)$/)});
    });

    it.each([
        ['bad JSON', '{"channelId":', 'INVALID_JSON'],
        ['an unknown kind', {channelId: 'c'.repeat(26), name: 'x', kind: 'drawing'}, 'INVALID_FIELD'],
        ['a channel id that is no id', {channelId: '../etc', name: 'x', kind: 'document'}, 'INVALID_FIELD'],
        ['a missing channel', {name: 'x', kind: 'document'}, 'INVALID_FIELD'],
    ])('refuses %s with 400', async (_what, body, code) => {
        const res = await create(w.member, body);
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe(code);
    });

    it('answers 413 to a body over the size limit', async () => {
        const res = await create(w.member, JSON.stringify({channelId: w.privateChannel.id, name: 'x', kind: 'document', pad: 'p'.repeat(1024 * 1024)}));
        expect(res.statusCode).toBe(413);
        expect(res.json().code).toBe('BODY_TOO_LARGE');
    });

    it('answers 503 when the bundle has no template', async () => {
        const empty = await mkdtemp(path.join(tmpdir(), 'bundle-'));
        h.api.getBundlePath = async () => empty;
        try {
            const res = await create(w.member, {channelId: w.privateChannel.id, name: 'Notes', kind: 'document'});
            expect(res.statusCode).toBe(503);
            expect(res.json().code).toBe('TEMPLATE_MISSING');
        } finally {
            await rm(empty, {recursive: true});
        }
    });

    it('needs a session', async () => {
        expect((await create(null, {channelId: w.privateChannel.id, name: 'x', kind: 'document'})).statusCode).toBe(401);
    });
});

describe('fileNameFor', () => {
    it('does not double an extension the user typed', () => {
        expect(fileNameFor('Budget.xlsx', 'xlsx')).toBe('Budget.xlsx');
        expect(fileNameFor('Budget.XLSX', 'xlsx')).toBe('Budget.XLSX');
        expect(fileNameFor('v1.2', 'docx')).toBe('v1.2.docx');
    });
});
