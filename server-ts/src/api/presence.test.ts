// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {PRESENCE_TTL_MS, presenceKey} from './presence';
import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

describe('presence', () => {
    let h: ApiHarness;
    let w: World;
    let doc: string;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
    });
    afterEach(async () => h.stop());

    const say = (user: Parameters<ApiHarness['request']>[0], action: unknown, fileId = doc) => h.request(user, 'POST', `/api/v1/files/${fileId}/editors`, {action});
    const editors = async (user: Parameters<ApiHarness['request']>[0] = w.member) => (await h.request(user, 'GET', `/api/v1/files/${doc}/editors`)).json().editors;
    const announced = () => h.eventsNamed('editors_changed').map((e) => ({...e.payload, editors: JSON.parse(String(e.payload.editors))}));

    it('tracks joins and leaves and tells the channel when the list changes', async () => {
        expect(await editors()).toEqual([]);
        const joined = await say(w.member, 'join');
        expect(joined.statusCode).toBe(200);
        expect(joined.json()).toEqual({editors: [{userId: w.member.id, username: 'member', displayName: 'Member Tester'}]});
        await say(w.owner, 'join');
        expect((await editors()).map((e: {username: string}) => e.username)).toEqual(['member', 'owner']);
        await say(w.member, 'leave');
        expect((await editors()).map((e: {username: string}) => e.username)).toEqual(['owner']);

        const events = announced();
        expect(events.map((e) => e.editors.length)).toEqual([1, 2, 1]);
        expect(events[0]).toEqual({doc_id: doc, file_id: doc, editors: [{userId: w.member.id, username: 'member', displayName: 'Member Tester'}]});
        expect(h.eventsNamed('editors_changed')[0].broadcast).toEqual({channelId: w.privateChannel.id});
    });

    it('stays quiet on heartbeats that change nothing', async () => {
        await say(w.member, 'join');
        h.clock += 30_000;
        await say(w.member, 'heartbeat');
        await say(w.member, 'join');
        await say(w.outsider, 'heartbeat');
        expect(announced()).toHaveLength(1);
    });

    it('drops editors whose heartbeats stopped more than two minutes ago', async () => {
        await say(w.member, 'join');
        h.clock += 60_000;
        await say(w.owner, 'join');
        h.clock += PRESENCE_TTL_MS - 30_000;
        // The member was last seen 2.5 minutes ago; the owner 1.5 minutes ago.
        expect((await editors(w.guest)).map((e: {username: string}) => e.username)).toEqual(['owner']);
        // The next write prunes the stale entry and announces the new list.
        await say(w.owner, 'heartbeat');
        const stored = JSON.parse(String(await h.api.kvGet(presenceKey(doc))));
        expect(Object.keys(stored)).toEqual([w.owner.id]);
        expect(announced().at(-1)?.editors.map((e: {username: string}) => e.username)).toEqual(['owner']);
    });

    it('keeps presence in the KV store only, and removes the record when the last one leaves', async () => {
        await say(w.member, 'join');
        expect(await h.api.kvGet(presenceKey(doc))).not.toBeNull();
        await say(w.member, 'leave');
        expect(await h.api.kvGet(presenceKey(doc))).toBeNull();
        // A leave from someone absent is harmless.
        expect((await say(w.owner, 'leave')).json()).toEqual({editors: []});
    });

    it('lets viewers join but hides the document from outsiders', async () => {
        expect((await say(w.guest, 'join')).statusCode).toBe(200);
        expect((await say(w.teamReader, 'join')).statusCode).toBe(404);
        const res = await say(w.outsider, 'join');
        expect(res.statusCode).toBe(404);
        expect((await h.request(w.outsider, 'GET', `/api/v1/files/${doc}/editors`)).statusCode).toBe(404);
        expect((await say(w.member, 'join', 'n'.repeat(26))).statusCode).toBe(404);
    });

    it('refuses unknown actions, bad JSON and missing sessions', async () => {
        expect((await say(w.member, 'dance')).json()).toMatchObject({code: 'INVALID_FIELD'});
        expect((await say(w.member, undefined)).statusCode).toBe(400);
        expect((await h.request(w.member, 'POST', `/api/v1/files/${doc}/editors`, '{"action"')).json()).toMatchObject({code: 'INVALID_JSON'});
        expect((await say(null, 'join')).statusCode).toBe(401);
        expect((await h.request(null, 'GET', `/api/v1/files/${doc}/editors`)).statusCode).toBe(401);
    });
});
