// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {buildWorld, type World} from '../api/testing/personas';
import {linkKey, type LinkClaim} from '../links/link_codes';
import {LINK_PREFIX, linksIn, LinksHarness} from '../links/testing/links_harness';

import {parseCommand} from './collabora_command';

describe('/collabora', () => {
    let lh: LinksHarness;
    let w: World;
    beforeEach(async () => {
        lh = await LinksHarness.start();
        w = buildWorld(lh.h);
    });
    afterEach(async () => lh.stop());

    const claimOf = async (url: string): Promise<LinkClaim> => {
        const raw = await lh.h.api.kvGet(linkKey(url.slice(LINK_PREFIX.length)));
        return JSON.parse(raw!.toString('utf8')) as LinkClaim;
    };

    it('registers with autocomplete for new, open, unlock, help and check (check for admins only)', () => {
        expect(lh.registered).toHaveLength(1);
        const cmd = lh.registered[0] as {trigger: string; auto_complete: boolean; autocomplete_data: {SubCommands: Array<{Trigger: string; RoleID: string; SubCommands: Array<{Trigger: string; Arguments: unknown[]}>}>}};
        expect(cmd.trigger).toBe('collabora');
        expect(cmd.auto_complete).toBe(true);
        const subs = cmd.autocomplete_data.SubCommands;
        expect(subs.map((s) => s.Trigger)).toEqual(['new', 'open', 'unlock', 'help', 'check']);
        expect(subs.find((s) => s.Trigger === 'check')!.RoleID).toBe('system_admin');
        const kinds = subs.find((s) => s.Trigger === 'new')!.SubCommands;
        expect(kinds.map((k) => k.Trigger)).toEqual(['document', 'spreadsheet', 'presentation']);
        expect(kinds.every((k) => k.Arguments.length === 1)).toBe(true);
    });

    it('parses the subcommand and keeps the name as typed', () => {
        expect(parseCommand('/collabora')).toEqual({sub: 'help', word: undefined, rest: ''});
        expect(parseCommand('/collabora NEW Document  Q3   budget ')).toEqual({sub: 'new', word: 'Document', rest: 'Q3   budget'});
    });

    it('answers help, and a friendly hint for an unknown subcommand', async () => {
        expect((await lh.command(w.member, w.privateChannel, '/collabora help')).text).toContain('/collabora new document');
        const res = await lh.command(w.member, w.privateChannel, '/collabora frobnicate');
        expect(res).toEqual({response_type: 'ephemeral', text: expect.stringContaining('/collabora help')});
    });

    describe('open', () => {
        let plan: string;
        let sheet: string;
        beforeEach(async () => {
            plan = await lh.h.postFile(w.owner, w.privateChannel, 'Plan.docx');
            await lh.h.postFile(w.owner, w.privateChannel, 'photo.jpg');
            lh.h.clock += 1000;
            sheet = await lh.h.postFile(w.member, w.privateChannel, 'Budget [draft].xlsx');
            await lh.h.postFile(w.owner, w.publicChannel, 'Elsewhere.odt');
        });

        it('lists the channel\'s office documents, newest first, with Edit and View links for a member', async () => {
            const res = await lh.command(w.member, w.privateChannel, '/collabora open');
            expect(res.response_type).toBe('ephemeral');
            expect(res.text).toContain('Budget \\[draft\\].xlsx');
            expect(res.text).not.toContain('photo.jpg');
            expect(res.text).not.toContain('Elsewhere');
            expect(res.text.indexOf('Budget')).toBeLessThan(res.text.indexOf('Plan.docx'));
            const links = linksIn(res.text);
            expect(links.map((l) => l.label)).toEqual(['Edit', 'View', 'Edit', 'View']);
            expect(links.every((l) => l.url.startsWith(LINK_PREFIX))).toBe(true);
            expect(new Set(links.map((l) => l.url)).size).toBe(4);
            expect(await claimOf(links[0].url)).toMatchObject({userId: w.member.id, docId: sheet, mode: 'edit'});
            expect(await claimOf(links[3].url)).toMatchObject({userId: w.member.id, docId: plan, mode: 'view'});
        });

        it('gives a view-only user only View links', async () => {
            const res = await lh.command(w.guest, w.privateChannel, '/collabora open');
            const links = linksIn(res.text);
            expect(links.map((l) => l.label)).toEqual(['View', 'View']);
            for (const l of links) {
                expect(await claimOf(l.url)).toMatchObject({userId: w.guest.id, mode: 'view'});
            }
        });

        it('lists a document once even after saves added revision files', async () => {
            const doc = await lh.h.services.documents.resolve(plan);
            const rev = lh.h.api.addFile({name: 'Plan.docx', channel_id: w.privateChannel.id, user_id: 'nouser'}, Buffer.from('v2'));
            await lh.h.services.documents.addRevision(doc.docId, rev.id, 2, w.member.id, lh.h.clock);
            const res = await lh.command(w.member, w.privateChannel, '/collabora open');
            expect(res.text.match(/Plan\.docx/g)).toHaveLength(1);
        });

        it('refuses someone who cannot read the channel', async () => {
            const res = await lh.command(w.outsider, w.privateChannel, '/collabora open');
            expect(res.text).toBe('You cannot see the files of this channel.');
            expect(linksIn(res.text)).toEqual([]);
        });

        it('says so when the channel has no documents', async () => {
            const res = await lh.command(w.owner, w.moderatedChannel, '/collabora open');
            expect(res.text).toContain('no office documents');
        });
    });

    describe('new', () => {
        it('creates a document as the user in the channel, named with the NewDocumentFormat extension', async () => {
            const res = await lh.command(w.member, w.privateChannel, '/collabora new document "Meeting notes"');
            expect(res.text).toContain('Created **Meeting notes.docx** in this channel.');
            const [open] = linksIn(res.text);
            expect(open.label).toBe('Open it');
            const claim = await claimOf(open.url);
            const info = lh.h.api.files.get(claim.docId)!.info;
            expect(info.name).toBe('Meeting notes.docx');
            const post = lh.h.api.posts.get(info.post_id!)!;
            expect(post).toMatchObject({user_id: w.member.id, channel_id: w.privateChannel.id, root_id: ''});
        });

        it('posts in the thread when typed in one, and follows the ODF setting', async () => {
            lh.h.state.applyConfiguration({...lh.h.state.rawSettings, NewDocumentFormat: 'odf'});
            const root = await lh.h.api.createPost({user_id: w.owner.id, channel_id: w.privateChannel.id, message: 'plan'});
            const res = await lh.command(w.member, w.privateChannel, '/collabora new spreadsheet Budget', root.id);
            expect(res.text).toContain('Created **Budget.ods** in this thread.');
            const posts = [...lh.h.api.posts.values()].filter((p) => p.root_id === root.id);
            expect(posts).toHaveLength(1);
        });

        it.each([
            ['/collabora new', 'Tell me what to create'],
            ['/collabora new memo Notes', 'Tell me what to create'],
            ['/collabora new presentation', 'Give the new presentation a name'],
            ['/collabora new document a/b', 'The document was not created: The name must be'],
            ['/collabora new document " spaced"', 'The document was not created: The name must be'],
            [`/collabora new document ${'x'.repeat(201)}`, 'The document was not created: The name must be'],
        ])('refuses %s', async (text, answer) => {
            const before = lh.h.api.posts.size;
            const res = await lh.command(w.member, w.privateChannel, text);
            expect(res.text).toContain(answer);
            expect(lh.h.api.posts.size).toBe(before);
        });

        it('refuses an archived channel and a channel where the user may not post', async () => {
            const archived = await lh.command(w.archivedMember, w.archivedChannel, '/collabora new document Notes');
            expect(archived.text).toBe('The document was not created: This channel is archived, so nothing can be posted in it.');
            const moderated = await lh.command(w.readOnlyMember, w.moderatedChannel, '/collabora new document Notes');
            expect(moderated.text).toBe('The document was not created: You cannot post files in this channel.');
            const outsider = await lh.command(w.outsider, w.privateChannel, '/collabora new document Notes');
            expect(outsider.text).toContain('does not exist or you do not have access');
            expect(lh.h.api.posts.size).toBe(0);
        });
    });

    describe('check', () => {
        it('runs the connection check for a system admin', async () => {
            const res = await lh.command(w.sysadmin, w.publicChannel, '/collabora check');
            expect(res.text).toContain('#### Collabora Online connection check');
            expect(res.text).toContain('- :white_check_mark: **Collabora Online answers**');
            expect(res.text).toContain('- :x: **Encrypted connection**');
            expect(res.text).toContain('  - *Fix:* Serve Collabora Online over HTTPS');
        });

        it('refuses everyone else', async () => {
            const res = await lh.command(w.channelAdmin, w.privateChannel, '/collabora check');
            expect(res.text).toContain('Only system admins can run the connection check.');
            expect(res.text).not.toContain(lh.h.standIn!.url);
        });
    });

    describe('unlock', () => {
        let plan: string;
        beforeEach(async () => {
            plan = await lh.h.postFile(w.owner, w.privateChannel, 'Plan.docx');
            await lh.h.services.documents.resolve(plan);
            await lh.h.services.locks.lock(plan, 'cool-lockA', w.member.id);
            lh.h.clock += 12 * 60_000;
        });

        it('lists the locked documents with who opened them and how long ago', async () => {
            const res = await lh.command(w.member, w.privateChannel, '/collabora unlock');
            expect(res.text).toContain('**Plan.docx**');
            expect(res.text).toContain('12 minutes ago');
        });

        it('releases the lock for the owner, so that the crashed session can no longer save', async () => {
            const res = await lh.command(w.owner, w.privateChannel, '/collabora unlock plan.docx');
            expect(res.text).toContain('Released the lock on **Plan.docx**');
            expect(await lh.h.services.locks.current(plan)).toBe('');
            expect((await lh.h.services.locks.holds(plan, 'cool-lockA', w.member.id)).ok).toBe(false);
        });

        it('refuses a member who is not the owner or an admin, and names no unknown document', async () => {
            expect((await lh.command(w.member, w.privateChannel, '/collabora unlock Plan.docx')).text).toContain('Only the document\'s owner');
            expect(await lh.h.services.locks.current(plan)).toBe('cool-lockA');
            expect((await lh.command(w.owner, w.privateChannel, '/collabora unlock Nope.docx')).text).toContain('no document named **Nope.docx**');
        });
    });
});
