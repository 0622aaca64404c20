// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

describe('rights and policy', () => {
    let h: ApiHarness;
    let w: World;
    let privDoc: string;
    let pubDoc: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        privDoc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
        pubDoc = await h.postFile(w.owner, w.publicChannel, 'Budget.xlsx');
    });
    afterEach(async () => h.stop());

    const rights = (user: Parameters<ApiHarness['request']>[0], fileId: string) => h.request(user, 'GET', `/api/v1/files/${fileId}/rights`);

    describe('GET /api/v1/files/{fileId}/rights', () => {
        it('needs a session', async () => {
            const res = await rights(null, privDoc);
            expect(res.statusCode).toBe(401);
            expect(res.json().code).toBe('NOT_AUTHENTICATED');
        });

        it.each([
            ['owner', true, 'EDIT_AS_CHANNEL_MEMBER', true],
            ['channelAdmin', true, 'EDIT_AS_CHANNEL_MEMBER', true],
            ['member', true, 'EDIT_AS_CHANNEL_MEMBER', false],
            ['sysadmin', true, 'EDIT_AS_SYSTEM_ADMIN', true],
            ['guest', false, 'GUEST_VIEW_ONLY', false],
        ] as const)('%s of the private channel', async (who, canEdit, _code, canChange) => {
            const res = await rights(w[who], privDoc);
            expect(res.statusCode).toBe(200);
            expect(res.json()).toEqual({canView: true, canEdit, reason: expect.any(String), policy: 'channel', canChangePolicy: canChange});
        });

        it('hides the document from a non-member of the private channel, exactly like an unknown file', async () => {
            const hidden = await rights(w.outsider, privDoc);
            const unknown = await rights(w.outsider, 'a'.repeat(26));
            const garbage = await rights(w.outsider, 'not-an-id');
            for (const res of [hidden, unknown, garbage]) {
                expect(res.statusCode).toBe(404);
                expect(res.json()).toEqual({error: 'This file does not exist or you do not have access to it.', code: 'FILE_NOT_FOUND'});
                expect(res.body).not.toContain('Plan');
            }
        });

        it('lets a team member view, not edit, a public channel they have not joined', async () => {
            const body = (await rights(w.teamReader, pubDoc)).json();
            expect(body).toMatchObject({canView: true, canEdit: false, canChangePolicy: false});
            // Without membership Mattermost grants no create_post there, so the reason is about posting.
            expect(body.reason).toMatch(/cannot post|Join this channel/);
        });

        it('keeps archived and moderated channels read-only', async () => {
            const archived = await h.postFile(w.owner, w.archivedChannel, 'Old.odt');
            const moderated = await h.postFile(w.owner, w.moderatedChannel, 'Rules.odt');
            expect((await rights(w.archivedMember, archived)).json()).toMatchObject({canView: true, canEdit: false, reason: expect.stringMatching(/archived/)});
            expect((await rights(w.readOnlyMember, moderated)).json()).toMatchObject({canView: true, canEdit: false, reason: expect.stringMatching(/cannot post/)});
        });

        it('never offers Edit for a format Collabora only views', async () => {
            const pdf = await h.postFile(w.owner, w.privateChannel, 'Scan.pdf');
            const body = (await rights(w.owner, pdf)).json();
            expect(body).toMatchObject({canView: true, canEdit: false, canChangePolicy: true});
            expect(body.reason).toMatch(/can show \.pdf files but cannot edit them/);
        });

        it('answers for a later revision of the document too', async () => {
            const res = await rights(w.member, privDoc);
            expect(res.json().canEdit).toBe(true);
            const doc = await h.services.documents.resolve(privDoc);
            await h.api.kvSetWithOptions(`file:${'b'.repeat(26)}`, Buffer.from(doc.docId));
            expect((await rights(w.member, 'b'.repeat(26))).json().canEdit).toBe(true);
        });
    });

    describe('PUT /api/v1/files/{fileId}/policy', () => {
        const put = (user: Parameters<ApiHarness['request']>[0], fileId: string, body: unknown) => h.request(user, 'PUT', `/api/v1/files/${fileId}/policy`, body);

        it('lets the owner change it, stores it and tells the channel', async () => {
            const res = await put(w.owner, privDoc, {policy: 'owner', extra: 'ignored'});
            expect(res.statusCode).toBe(200);
            expect(res.json()).toMatchObject({canView: true, canEdit: true, policy: 'owner', canChangePolicy: true});
            expect((await h.services.documents.require(privDoc)).policy).toBe('owner');
            expect(h.eventsNamed('policy_changed')).toEqual([{payload: {file_id: privDoc, doc_id: privDoc, policy: 'owner'}, broadcast: {channelId: w.privateChannel.id}}]);
            // The member now views only.
            expect((await rights(w.member, privDoc)).json()).toMatchObject({canEdit: false, policy: 'owner', reason: expect.stringMatching(/Only the person who shared/)});
        });

        it('does not announce a change that changes nothing', async () => {
            await put(w.owner, privDoc, {policy: 'channel'});
            expect(h.eventsNamed('policy_changed')).toHaveLength(0);
        });

        it.each(['channelAdmin', 'sysadmin'] as const)('lets the %s change it', async (who) => {
            const res = await put(w[who], privDoc, {policy: 'view_only'});
            expect(res.statusCode).toBe(200);
            expect(res.json().policy).toBe('view_only');
        });

        it.each([
            ['member', 'NOT_OWNER_OR_ADMIN'],
            ['guest', 'GUEST_VIEW_ONLY'],
        ] as const)('refuses a %s with 403', async (who, code) => {
            const res = await put(w[who], privDoc, {policy: 'owner'});
            expect(res.statusCode).toBe(403);
            expect(res.json()).toEqual({error: expect.any(String), code});
            expect((await h.services.documents.require(privDoc)).policy).toBeUndefined();
            expect(h.eventsNamed('policy_changed')).toHaveLength(0);
        });

        it('refuses the owner in an archived channel', async () => {
            const archived = await h.postFile(w.owner, w.archivedChannel, 'Old.odt');
            const res = await put(w.owner, archived, {policy: 'owner'});
            expect(res.statusCode).toBe(403);
            expect(res.json().code).toBe('CHANNEL_ARCHIVED');
        });

        it('answers 404 to someone who cannot see the document', async () => {
            const res = await put(w.outsider, privDoc, {policy: 'owner'});
            expect(res.statusCode).toBe(404);
            expect(res.json().code).toBe('FILE_NOT_FOUND');
        });

        it.each([
            ['bad JSON', '{"policy": ', 'INVALID_JSON'],
            ['an array', '[]', 'INVALID_BODY'],
            ['an unknown policy', {policy: 'everyone'}, 'INVALID_POLICY'],
            ['a missing policy', {}, 'INVALID_POLICY'],
            ['a differently spelled policy', {policy: 'Owner'}, 'INVALID_POLICY'],
        ])('refuses %s with 400', async (_what, body, code) => {
            const res = await put(w.owner, privDoc, body);
            expect(res.statusCode).toBe(400);
            expect(res.json()).toEqual({error: expect.any(String), code});
        });

        it('refuses a body without JSON content type', async () => {
            const res = await h.request(w.owner, 'PUT', `/api/v1/files/${privDoc}/policy`, 'policy=owner', {'content-type': 'text/plain'});
            expect(res.statusCode).toBe(400);
            expect(res.json().code).toBe('INVALID_BODY');
        });

        it('checks the session before it reads the body', async () => {
            const res = await put(null, privDoc, '{broken');
            expect(res.statusCode).toBe(401);
        });
    });
});
