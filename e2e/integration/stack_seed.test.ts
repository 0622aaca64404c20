// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The seeded world the plugin tests build on, checked through Mattermost itself: who can read
// which attachment. If one of these fails, plugin permission tests would prove nothing.

import {readFileSync} from 'node:fs';
import {join} from 'node:path';

import {clientAs, readStack, type UserKey} from '../stack/stack';

const fixtures = join(__dirname, '..', 'fixtures');

async function fileStatus(user: UserKey, fileId: string): Promise<number> {
    const res = await clientAs(user).fetch('GET', `/api/v4/files/${fileId}`);
    await res.arrayBuffer();
    return res.status;
}

describe('seeded stack', () => {
    const stack = readStack();

    it('stores the office fixtures byte for byte', async () => {
        for (const key of ['public/sample.docx', 'public/sample.xlsx', 'public/sample.odt', 'public/sample.pptx']) {
            const file = stack.files[key];
            const res = await clientAs('member').fetch('GET', `/api/v4/files/${file.id}`);
            expect(res.status).toBe(200);
            expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(fixtures, file.name)))).toBe(true);
        }
    });

    it('lets channel members, and only them, read private attachments', async () => {
        const privateFile = stack.files['private/sample.docx'].id;
        expect(await fileStatus('member', privateFile)).toBe(200);
        expect(await fileStatus('channel_admin', privateFile)).toBe(200);
        expect(await fileStatus('outsider', privateFile)).toBe(403);
        expect(await fileStatus('stranger', privateFile)).toBe(403);
    });

    it('keeps attachments of the archived channel readable by its members', async () => {
        expect(stack.channels.archived.archived).toBe(true);
        const channel = await clientAs('admin').request<{delete_at: number}>('GET', `/api/v4/channels/${stack.channels.archived.id}`);
        expect(channel.delete_at).toBeGreaterThan(0);
        expect(await fileStatus('member', stack.files['archived/sample.xlsx'].id)).toBe(200);
    });

    it('makes channel_admin an admin of the channels and member a plain member', async () => {
        const member = async (user: UserKey) => clientAs('admin').request<{scheme_admin: boolean}>(
            'GET', `/api/v4/channels/${stack.channels.private.id}/members/${stack.users[user].id}`);
        expect((await member('channel_admin')).scheme_admin).toBe(true);
        expect((await member('member')).scheme_admin).toBe(false);
    });
});
