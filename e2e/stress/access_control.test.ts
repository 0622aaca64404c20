// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Nobody gets in where they do not belong: a user outside a private channel learns nothing about
// its documents through any endpoint (every answer is the answer for a file that does not
// exist), a view-only session cannot write, lock, rename or save as, a user removed from the
// channel loses access on the next request, and no page of the product can be framed by
// another origin.

import {MattermostClient} from '../stack/mm_client';
import {clientAs, readStack, type UserKey} from '../stack/stack';

import {ControlledCollabora} from './discovery_control';
import {apiPath, fileId, openSession, pluginId, snapshot, storeFingerprint, useCollabora} from './stress_stack';
import type {WopiSession} from './wopi_client';

const UNKNOWN_ID = 'zzzzzzzzzzzzzzzzzzzzzzzzzz';

interface Answer {
    status: number;
    body: string;
}

async function answer(client: MattermostClient, method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await client.fetch(method, path, {body});
    return {status: res.status, body: await res.text()};
}

describe('access control', () => {
    const collabora = new ControlledCollabora();
    const stack = readStack();
    const privateFile = stack.files['private/sample.docx'];

    beforeAll(async () => {
        await collabora.start();
        await useCollabora(collabora);
        // The record exists (as it would once anyone in the channel opened it).
        await snapshot(privateFile.id);
    });

    afterAll(async () => {
        await collabora.close();
    });

    // Every route that takes a file id, with a body that would be accepted from a member.
    const fileRoutes = (id: string): Array<[string, string, unknown]> => [
        ['GET', apiPath(`/files/${id}/rights`), undefined],
        ['PUT', apiPath(`/files/${id}/policy`), {policy: 'everyone'}],
        ['POST', apiPath(`/files/${id}/open`), {mode: 'view'}],
        ['POST', apiPath(`/files/${id}/open`), {mode: 'edit'}],
        ['GET', apiPath(`/files/${id}/revisions`), undefined],
        ['POST', apiPath(`/files/${id}/revisions/${id}/restore`), {}],
        ['GET', apiPath(`/files/${id}/editors`), undefined],
        ['POST', apiPath(`/files/${id}/editors`), {action: 'join'}],
    ];

    it.each<UserKey>(['outsider', 'stranger'])('tells %s nothing about a private channel\'s document through any endpoint', async (who) => {
        const client = clientAs(who);
        const owner = stack.users[privateFile.user];
        const size = (await snapshot(privateFile.id)).size;
        const before = await storeFingerprint();
        for (const [[method, path, body], [, unknownPath]] of fileRoutes(privateFile.id).map((r, i) => [r, fileRoutes(UNKNOWN_ID)[i]] as const)) {
            const got = await answer(client, method, path, body);
            const unknown = await answer(client, method, unknownPath, body);
            // Exactly what a file that does not exist gets: no status, no wording to tell them apart.
            expect({route: `${method} ${path}`, ...got}).toEqual({route: `${method} ${path}`, ...unknown});
            expect(got.status).toBeGreaterThanOrEqual(400);
            for (const secret of [privateFile.name, owner.id, owner.username, String(size), stack.channels.private.id, stack.channels.private.name]) {
                expect(got.body).not.toContain(secret);
            }
        }
        // Creating a document in the channel: the same answer as for a channel that does not exist.
        const create = await answer(client, 'POST', apiPath('/documents'), {channelId: stack.channels.private.id, name: 'Probe', kind: 'document'});
        const createUnknown = await answer(client, 'POST', apiPath('/documents'), {channelId: UNKNOWN_ID, name: 'Probe', kind: 'document'});
        expect(create).toEqual(createUnknown);
        expect(await storeFingerprint()).toEqual(before);
    });

    it('refuses every write of a view-only session and leaves the document as it was', async () => {
        const id = fileId('public/sample.docx');
        const view = await openSession('member2', id, 'view', collabora);
        const before = await snapshot(id);

        const info = await view.checkFileInfo();
        expect(info.status).toBe(200);
        expect(info.json()).toMatchObject({UserCanWrite: false, UserCanNotWriteRelative: true, UserCanRename: false});
        const bytes = Buffer.from('view-only must not write this');
        const attempts: Array<[string, () => ReturnType<WopiSession['lock']>]> = [
            ['Lock', () => view.lock()],
            ['PutFile', () => view.putFile(bytes)],
            ['PutFile without timestamp', () => view.putFile(bytes, {timestamp: null})],
            ['RenameFile', () => view.renameFile('renamed by a viewer')],
            ['PutRelativeFile', () => view.putRelativeFile(bytes, 'copy by a viewer.docx')],
        ];
        for (const [name, attempt] of attempts) {
            const res = await attempt();
            expect({name, status: res.status}).toEqual({name, status: 403});
        }
        // An Unlock with the current lock id is accepted from any valid token (only Collabora
        // knows lock ids, issue 15); on an unlocked document it is the WOPI 409 with no lock.
        const unlock = await view.unlock();
        expect([unlock.status, unlock.headers['x-wopi-lock']]).toEqual([409, '']);
        expect((await view.getLock()).headers['x-wopi-lock'] ?? '').toBe('');
        expect(await snapshot(id)).toEqual(before);
    });

    it('takes editing away from an open edit session when the owner restricts the document, and all access when the user leaves the channel', async () => {
        const id = fileId('public/sample.xlsx'); // posted by member
        const edit = await openSession('member2', id, 'edit', collabora);
        expect((await edit.checkFileInfo()).json()).toMatchObject({UserCanWrite: true});
        const member = clientAs('member');
        const admin = clientAs('admin');
        const before = await snapshot(id);
        try {
            expect((await answer(member, 'PUT', apiPath(`/files/${id}/policy`), {policy: 'owner'})).status).toBe(200);
            expect((await edit.checkFileInfo()).json()).toMatchObject({UserCanWrite: false});
            expect((await edit.lock()).status).toBe(403);
            expect((await edit.putFile(Buffer.from('after losing rights'), {timestamp: null})).status).toBe(403);
        } finally {
            expect((await answer(member, 'PUT', apiPath(`/files/${id}/policy`), {policy: 'channel'})).status).toBe(200);
        }
        // Public channels stay readable to everyone on the team: leaving one keeps view access.
        // A private channel's documents are gone with the membership.
        const privateId = fileId('private/sample.docx');
        const inPrivate = await openSession('member2', privateId, 'edit', collabora);
        expect((await inPrivate.checkFileInfo()).status).toBe(200);
        const channel = stack.channels.private.id;
        await admin.request('DELETE', `/api/v4/channels/${channel}/members/${stack.users.member2.id}`);
        try {
            expect((await inPrivate.checkFileInfo()).status).toBe(401);
            expect((await inPrivate.getFile()).status).toBe(401);
            expect((await inPrivate.lock()).status).toBe(401);
            const rest = await answer(clientAs('member2'), 'GET', apiPath(`/files/${privateId}/rights`));
            const unknown = await answer(clientAs('member2'), 'GET', apiPath(`/files/${UNKNOWN_ID}/rights`));
            expect(rest).toEqual(unknown);
        } finally {
            await admin.request('POST', `/api/v4/channels/${channel}/members`, {body: {user_id: stack.users.member2.id}});
        }
        expect((await inPrivate.checkFileInfo()).status).toBe(200);
        expect((await edit.checkFileInfo()).status).toBe(200);
        expect(await snapshot(id)).toEqual(before);
    });

    it('cannot be framed by another origin', async () => {
        const anonymous = new MattermostClient(stack.url);
        // Mattermost's own pages (the webapp that hosts the editor modal): same origin only.
        const page = await anonymous.fetch('GET', '/');
        await page.arrayBuffer();
        const csp = page.headers.get('content-security-policy') ?? '';
        expect(csp).toMatch(/frame-ancestors 'self'/);
        expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');

        // Every plugin answer is either no HTML at all, or an HTML page that forbids framing.
        const id = fileId('public/sample.docx');
        const probes: Array<[MattermostClient, string, string, unknown]> = [
            [anonymous, 'GET', `/plugins/${pluginId()}/link/not-a-real-code`, undefined],
            [anonymous, 'GET', `/plugins/${pluginId()}/link/${'x'.repeat(40)}`, undefined],
            [clientAs('member'), 'GET', `/plugins/${pluginId()}/link/not-a-real-code`, undefined],
            [clientAs('member'), 'GET', apiPath(`/files/${id}/rights`), undefined],
            [clientAs('member'), 'POST', apiPath(`/files/${id}/open`), {mode: 'view'}],
            [anonymous, 'GET', `/plugins/${pluginId()}/wopi/files/${id}`, undefined],
            [anonymous, 'GET', `/plugins/${pluginId()}/`, undefined],
            [anonymous, 'GET', `/plugins/${pluginId()}/nothing/here`, undefined],
        ];
        let htmlPages = 0;
        for (const [client, method, path, body] of probes) {
            const res = await client.fetch(method, path, {body});
            await res.arrayBuffer();
            const type = res.headers.get('content-type') ?? '';
            if (/html/i.test(type)) {
                htmlPages++;
                expect({path, csp: res.headers.get('content-security-policy') ?? ''}).toEqual({path, csp: expect.stringContaining("frame-ancestors 'none'")});
            } else {
                expect({path, type}).toEqual({path, type: expect.not.stringMatching(/html|xml|svg/i)});
            }
        }
        console.log(`framing: ${probes.length} plugin routes probed, ${htmlPages} answered HTML (all with frame-ancestors 'none')`);
    });

    it('tells Collabora to post messages to Mattermost\'s origin only', async () => {
        const session = await openSession('member', fileId('public/sample.docx'), 'view', collabora);
        const info = (await session.checkFileInfo()).json() as {PostMessageOrigin: string};
        expect(info.PostMessageOrigin).toBe(new URL(stack.url).origin);
    });
});
