// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {linkKey, type LinkClaim} from '../links/link_codes';
import {formAction, formFields, LINK_PREFIX, linksIn, LinksHarness} from '../links/testing/links_harness';
import {verifyToken} from '../tokens';

import {SITE_URL} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

describe('one-time links', () => {
    let lh: LinksHarness;
    let w: World;
    let doc: string;
    beforeEach(async () => {
        lh = await LinksHarness.start();
        w = buildWorld(lh.h);
        doc = await lh.h.postFile(w.owner, w.privateChannel, 'Plan.docx');
    });
    afterEach(async () => lh.stop());

    const createLink = async (user = w.member, body: unknown = {}): Promise<string> => {
        const res = await lh.h.request(user, 'POST', `/api/v1/files/${doc}/link`, body);
        expect(res.statusCode).toBe(200);
        return (res.json() as {url: string}).url;
    };
    const claimOf = async (url: string): Promise<LinkClaim | null> => {
        const raw = await lh.h.api.kvGet(linkKey(url.slice(LINK_PREFIX.length)));
        return raw ? JSON.parse(raw.toString('utf8')) as LinkClaim : null;
    };
    const expectPageHeaders = (headers: Record<string, unknown>) => {
        expect(headers['content-type']).toBe('text/html; charset=utf-8');
        expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
        expect(headers['referrer-policy']).toBe('no-referrer');
        expect(headers['cache-control']).toBe('no-store');
    };

    describe('POST /api/v1/files/{fileId}/link', () => {
        it('answers an absolute link bound to the user, the document and the best mode allowed', async () => {
            const url = await createLink();
            expect(url.startsWith(LINK_PREFIX)).toBe(true);
            expect(await claimOf(url)).toEqual({userId: w.member.id, docId: doc, mode: 'edit', expiresAt: lh.h.clock + 60_000});
            expect(await claimOf(await createLink(w.member, {mode: 'view'}))).toMatchObject({mode: 'view'});
            // A view-only user asking to edit gets a view link, as /open downgrades.
            expect(await claimOf(await createLink(w.guest, {mode: 'edit'}))).toMatchObject({userId: w.guest.id, mode: 'view'});
        });

        it('needs a session, a visible file and a valid mode', async () => {
            expect((await lh.h.request(null, 'POST', `/api/v1/files/${doc}/link`, {})).statusCode).toBe(401);
            const hidden = await lh.h.request(w.outsider, 'POST', `/api/v1/files/${doc}/link`, {});
            expect(hidden.statusCode).toBe(404);
            expect(hidden.json()).toMatchObject({code: 'FILE_NOT_FOUND'});
            expect((await lh.h.request(w.member, 'POST', `/api/v1/files/${doc}/link`, {mode: 'own'})).statusCode).toBe(400);
        });
    });

    describe('the link page', () => {
        it('GET shows an opener that consumes nothing (link previews fetch with GET)', async () => {
            const url = await createLink();
            for (let i = 0; i < 2; i++) {
                const res = await lh.browser('GET', url);
                expect(res.statusCode).toBe(200);
                expectPageHeaders(res.headers);
                expect(res.body).toContain('<form id="co-open" method="post" action="">');
                expect(res.body).not.toContain('access_token');
            }
            expect(await claimOf(url)).not.toBeNull();
        });

        it('POST redeems the code: a full-page editor with a fresh token only in the form body', async () => {
            const url = await createLink();
            const res = await lh.browser('POST', url, {'accept-language': 'fr-FR,fr;q=0.9'});
            expect(res.statusCode).toBe(200);
            expectPageHeaders(res.headers);
            const csp = String(res.headers['content-security-policy']);
            expect(csp).toContain(`frame-src ${lh.h.standIn!.url}`);
            expect(csp).toContain(`form-action ${lh.h.standIn!.url}`);
            const fields = formFields(res.body);
            const verified = verifyToken(await lh.h.services.keys.get(), fields.access_token, lh.h.clock, doc);
            expect(verified.ok && verified.claims).toMatchObject({userId: w.member.id, docId: doc, mode: 'edit'});
            expect(Number(fields.access_token_ttl)).toBeGreaterThan(lh.h.clock);
            expect(fields.postmessage_origin).toBe(SITE_URL);
            const action = new URL(formAction(res.body)!);
            expect(action.origin).toBe(lh.h.standIn!.url);
            expect(action.searchParams.get('lang')).toBe('fr-FR');
            expect(action.searchParams.get('closebutton')).toBeNull();
            // The token is in no URL: not the form's action, not any href or src.
            for (const m of res.body.matchAll(/(?:action|href|src)="([^"]*)"/g)) {
                expect(m[1]).not.toContain(fields.access_token);
            }
            expect(res.body).toContain('<strong>Plan.docx</strong>');
            expect(await claimOf(url)).toBeNull();
        });

        it('serves the phone layout to a phone', async () => {
            const res = await lh.browser('POST', await createLink(), {'user-agent': PHONE_UA});
            expect(res.statusCode).toBe(200);
            expect(res.body).toContain('<body class="phone">');
            expect(res.body).toContain('name="viewport" content="width=device-width, initial-scale=1"');
        });

        it('opens a view link read-only', async () => {
            const res = await lh.browser('POST', await createLink(w.member, {mode: 'view'}));
            expect(new URL(formAction(res.body)!).searchParams.get('permission')).toBe('readonly');
            expect(res.body).toContain('View only');
        });

        it('answers 410 to a code redeemed twice, and exactly one of many concurrent redemptions wins', async () => {
            const url = await createLink();
            expect((await lh.browser('POST', url)).statusCode).toBe(200);
            const again = await lh.browser('POST', url);
            expect(again.statusCode).toBe(410);
            expectPageHeaders(again.headers);
            expect(again.body).toContain('This link was already used or has expired');
            expect(again.body).not.toContain('access_token');
            expect((await lh.browser('GET', url)).statusCode).toBe(410);

            const raced = await createLink();
            const answers = await Promise.all(Array.from({length: 10}, () => lh.browser('POST', raced)));
            expect(answers.map((r) => r.statusCode).sort()).toEqual([200, ...Array(9).fill(410)]);
        });

        it('answers 410 to an expired code', async () => {
            const url = await createLink();
            lh.h.clock += 60_001;
            const opener = await lh.browser('GET', url);
            expect(opener.statusCode).toBe(410);
            const res = await lh.browser('POST', url);
            expect(res.statusCode).toBe(410);
            expect(res.body).not.toContain('access_token');
        });

        it('answers 404 to a forged code, well-formed or not', async () => {
            const url = await createLink();
            const code = url.slice(LINK_PREFIX.length);
            const flipped = code.slice(0, 30) + (code[30] === 'A' ? 'B' : 'A') + code.slice(31);
            for (const forged of [flipped, 'x'.repeat(40), 'nope', `${code}x`]) {
                for (const method of ['GET', 'POST'] as const) {
                    const res = await lh.browser(method, LINK_PREFIX + forged);
                    expect(res.statusCode).toBe(404);
                    expectPageHeaders(res.headers);
                    expect(res.body).toContain('This link does not exist');
                }
            }
            // The forgery did not touch the real code.
            expect((await lh.browser('POST', url)).statusCode).toBe(200);
        });

        it('checks rights again: a user who left the channel gets a clear page and no token', async () => {
            const url = await createLink();
            lh.h.api.members.delete(`${w.privateChannel.id}:${w.member.id}`);
            lh.h.api.permissions.delete(`${w.member.id}:${w.privateChannel.id}:read_channel`);
            const res = await lh.browser('POST', url);
            expect(res.statusCode).toBe(403);
            expectPageHeaders(res.headers);
            expect(res.body).toContain('You cannot open this document');
            expect(res.body).toContain('left its channel');
            expect(res.body).not.toContain('access_token');
            expect(res.body).not.toContain('<iframe');
        });

        it('opens view-only when the user lost the right to edit since the link was made', async () => {
            const url = await createLink();
            lh.h.api.permissions.delete(`${w.member.id}:${w.privateChannel.id}:create_post`);
            const res = await lh.browser('POST', url);
            expect(res.statusCode).toBe(200);
            expect(res.body).toContain('You can only view this document now.');
            const token = formFields(res.body).access_token;
            const verified = verifyToken(await lh.h.services.keys.get(), token, lh.h.clock, doc);
            expect(verified.ok && verified.claims).toMatchObject({mode: 'view'});
        });

        it('shows a clear page when Collabora Online is not available', async () => {
            lh.h.state.applyConfiguration({CollaboraUrl: 'http://127.0.0.1:9'});
            const res = await lh.browser('POST', await createLink());
            expect(res.statusCode).toBe(503);
            expect(res.body).toContain('The document cannot be opened right now');
            expect(res.body).not.toContain('access_token');
        });

        it('escapes file names in the page and in command answers', async () => {
            doc = await lh.h.postFile(w.owner, w.privateChannel, '<img src=x onerror=alert(1)>.docx');
            const res = await lh.browser('POST', await createLink());
            expect(res.body).not.toContain('<img');
            expect(res.body).toContain('&#60;img src=x onerror=alert(1)&#62;.docx');
            const listed = await lh.command(w.member, w.privateChannel, '/collabora open');
            expect(listed.text).toContain('\\<img src=x onerror=alert\\(1\\)\\>.docx');
            expect(linksIn(listed.text).every((l) => l.url.startsWith(LINK_PREFIX))).toBe(true);
        });
    });
});
