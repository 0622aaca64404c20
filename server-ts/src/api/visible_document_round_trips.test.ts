// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {countApiCalls} from '../testing/count_api_calls';

import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

// The REST routes decide rights like the WOPI gate: once a document is known, the file's mapping
// and one gathered set of facts, asked again on every request.
describe('REST rights facts over the bridge', () => {
    let h: ApiHarness;
    let w: World;
    beforeEach(async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
    });
    afterEach(async () => h.stop());

    it('costs a known document two bridge round trips, and refuses a non-member the same way', async () => {
        const fileId = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
        // The first visit builds the record from the file and its post.
        expect((await h.request(w.member, 'GET', `/api/v1/files/${fileId}/rights`)).statusCode).toBe(200);
        const counts = countApiCalls(h.api);
        const res = await h.request(w.member, 'GET', `/api/v1/files/${fileId}/rights`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({canView: true, canEdit: true});
        expect(Object.fromEntries(counts.bridgeCalls)).toEqual({kvGet: 1, gatherAccessFacts: 1});
        expect((await h.request(w.outsider, 'GET', `/api/v1/files/${fileId}/rights`)).statusCode).toBe(404);
    });
});
