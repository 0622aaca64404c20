// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 15 through the real stack: a working day of Collabora on a compressed clock. The plugin's
// lock and token lifetimes are shortened by its test knobs (LockTtlSeconds, TokenTtlSeconds) and
// the stand-in's timers (lock refresh, autosave, idle save) by the same measure, so the day's
// order of events is kept: refresh at half the lock's life, autosaves several times per refresh,
// a token that outlives many locks. The owner keeps the preview open (a read-only view, the one
// Collabora prefers for the lock refresh) while two colleagues edit.

import {CollaboraDocument, type DocumentEvent, type ViewAccess} from '../collabora';
import {clientAs} from '../stack/stack';

import {createChannel, downloadFile, getPost, postAttachment, seededUser, type TestChannel, type TestUser} from './helpers/mm_world';
import {mustOpen, restoreClockKnobs, startWopiWorld, wopiSrcOf, type WopiWorld} from './helpers/wopi_world';

const LOCK_TTL_S = 4;
const TOKEN_TTL_S = 20;
const TIMES = {lockRefreshMs: 2000, autosaveMs: 700, idleSaveMs: 250, pollMs: 100};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function access(user: TestUser, fileId: string, mode: 'view' | 'edit'): Promise<ViewAccess> {
    const opened = await mustOpen(user, fileId, mode);
    return {accessToken: opened.accessToken, accessTokenTtl: opened.accessTokenTtl, mode: opened.mode};
}

const puts = (events: DocumentEvent[]) => events.filter((e) => e.call === 'PutFile');
// Failed calls, short enough to read in a failure message.
const failures = (events: DocumentEvent[]) => events.filter((e) => e.status !== 200).map(({call, view, status, at}) => ({call, view, status, at}));

describe('Collabora over a working day, on a compressed clock', () => {
    let world: WopiWorld;
    let channel: TestChannel;
    const owner = seededUser('member');
    const ana = seededUser('member2');
    const ben = seededUser('admin');

    beforeAll(async () => {
        world = await startWopiWorld({LockTtlSeconds: LOCK_TTL_S, TokenTtlSeconds: TOKEN_TTL_S});
        channel = await createChannel(clientAs('admin'), 'O', [owner, ana, ben]);
    });
    afterAll(async () => {
        await world?.close();
        await restoreClockKnobs();
    });

    it('keeps every save of two editors, in order, across lapsed locks, a token lifetime and a rename; the post shows the last one', async () => {
        const posted = await postAttachment(owner, channel.id, 'plan.docx', Buffer.from('PK plan\n'));
        const views: Record<string, {user: TestUser; mode: 'view' | 'edit'; access: ViewAccess}> = {
            owner: {user: owner, mode: 'view', access: await access(owner, posted.fileId, 'view')},
            ana: {user: ana, mode: 'edit', access: await access(ana, posted.fileId, 'edit')},
            ben: {user: ben, mode: 'edit', access: await access(ben, posted.fileId, 'edit')},
        };
        const first = await mustOpen(owner, posted.fileId, 'view');
        const doc = new CollaboraDocument({wopiSrc: wopiSrcOf(first.actionUrl), signer: world.standIn.signer, times: TIMES});
        expect(await doc.join('owner', views.owner.access)).toEqual({readOnly: true});
        expect(await doc.join('ana', views.ana.access)).toEqual({readOnly: false});
        expect(await doc.join('ben', views.ben.access)).toEqual({readOnly: false});
        const firstTokenExpiry = Math.min(views.ana.access.accessTokenTtl, views.ben.access.accessTokenTtl);

        // What the webapp does for an open editor: a fresh token before the old one expires.
        const refreshTokens = async () => {
            for (const [id, view] of Object.entries(views)) {
                if (view.access.accessTokenTtl - Date.now() < TOKEN_TTL_S * 1000 * 0.3) {
                    view.access = await access(view.user, posted.fileId, view.mode);
                    expect(view.access.mode).toBe(view.mode);
                    doc.resetAccessToken(id, view.access);
                }
            }
        };

        const started = Date.now();
        let line = 0;
        let renamed = false;
        // Two lock lifetimes and a token lifetime and more: 26 s of typing, a line at a time.
        while (Date.now() - started < (TOKEN_TTL_S + 2 * LOCK_TTL_S - 2) * 1000) {
            const who = line % 3 === 2 ? 'ben' : 'ana';
            doc.edit(who, `${who} line ${line}\n`);
            line++;
            if (!renamed && Date.now() - started > 10_000) {
                expect((await doc.rename('ana', 'Day plan')).status).toBe(200);
                renamed = true;
            }
            // Now and then nobody types for longer than the lock's life.
            await sleep(line % 17 === 0 ? (LOCK_TTL_S + 1) * 1000 : 400);
            await refreshTokens();
        }
        // The last words just before the editors close: the exit save carries them.
        doc.edit('ana', 'last words\n');
        await doc.leave('owner');
        await doc.leave('ben');
        await doc.leave('ana');

        const saves = puts(doc.events);
        expect(failures(doc.events)).toEqual([]);
        // The day had autosaves, the last editable view's save and the exit save.
        expect(saves.filter((e) => e.autosave).length).toBeGreaterThan(10);
        expect(saves.at(-1)).toMatchObject({exitSave: true, status: 200});
        // The lock did lapse (the owner's read-only view is the one Collabora refreshes from,
        // and current builds do not refresh from it), and saves took it back.
        const lockCalls = doc.events.filter((e) => e.call === 'Lock' || e.call === 'RefreshLock');
        expect(lockCalls.every((e) => e.view !== 'owner')).toBe(true);
        const lapsedSaves = saves.filter((e) => e.at - Math.max(...lockCalls.filter((l) => l.at < e.at).map((l) => l.at)) > LOCK_TTL_S * 1000);
        expect(lapsedSaves.length).toBeGreaterThan(0);
        // Saves landed after the first tokens expired, with the tokens the webapp handed over.
        expect(saves.some((e) => e.at > firstTokenExpiry)).toBe(true);
        // In order, none lost: each save holds the one before it, the last holds every line.
        for (let i = 1; i < saves.length; i++) {
            expect(saves[i].bytes!.subarray(0, saves[i - 1].bytes!.length).equals(saves[i - 1].bytes!)).toBe(true);
        }
        expect(saves.at(-1)!.bytes!.equals(doc.content)).toBe(true);
        expect(doc.content.toString()).toContain(`line ${line - 1}\nlast words\n`);

        const post = await getPost(owner.client, posted.postId);
        expect(post.file_ids).toHaveLength(1);
        const shown = await downloadFile(owner.client, post.file_ids![0]);
        expect(shown.bytes.equals(doc.content)).toBe(true);
        const info = await owner.client.request<{name: string}>('GET', `/api/v4/files/${post.file_ids![0]}/info`);
        expect(info.name).toBe('Day plan.docx');
    }, 120_000);

    it('accepts the lock refresh that older Collabora builds send from the owner\'s read-only view', async () => {
        const posted = await postAttachment(owner, channel.id, 'legacy.docx', Buffer.from('PK legacy\n'));
        const first = await mustOpen(owner, posted.fileId, 'view');
        const doc = new CollaboraDocument({wopiSrc: wopiSrcOf(first.actionUrl), signer: world.standIn.signer, times: TIMES, lockFromReadOnly: true});
        await doc.join('owner', await access(owner, posted.fileId, 'view'));
        await doc.join('ana', await access(ana, posted.fileId, 'edit'));
        for (let i = 0; i < 12; i++) {
            doc.edit('ana', `line ${i}\n`);
            await sleep(500);
        }
        await doc.leave('owner');
        await doc.leave('ana');
        const refreshes = doc.events.filter((e) => e.call === 'RefreshLock');
        expect(refreshes.length).toBeGreaterThan(1);
        expect(refreshes.every((e) => e.view === 'owner')).toBe(true);
        expect(failures(doc.events)).toEqual([]);
        const post = await getPost(owner.client, posted.postId);
        expect((await downloadFile(owner.client, post.file_ids![0])).bytes.equals(doc.content)).toBe(true);
    }, 60_000);
});
