// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {MattermostError} from '../mattermost/plugin_api';

import {ApiHarness} from './testing/api_harness';
import {buildWorld} from './testing/personas';

describe('API error mapping', () => {
    let h: ApiHarness;
    afterEach(async () => h.stop());

    it('hides internal causes behind a 500 and logs them', async () => {
        h = await ApiHarness.start();
        const w = buildWorld(h);
        const doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
        h.api.getChannel = async () => {
            throw new Error('database at 10.0.0.7 is down');
        };
        const res = await h.request(w.member, 'GET', `/api/v1/files/${doc}/rights`);
        expect(res.statusCode).toBe(500);
        expect(res.json()).toEqual({error: expect.stringMatching(/went wrong/), code: 'INTERNAL'});
        expect(res.body).not.toContain('10.0.0.7');
        expect(h.logs.some((l) => l.includes('10.0.0.7') && l.includes('/api/v1/files/:fileId/rights'))).toBe(true);
    });

    it('maps a file that vanished from Mattermost to 404', async () => {
        h = await ApiHarness.start();
        const w = buildWorld(h);
        const info = h.api.addFile({name: 'orphan.docx', channel_id: w.privateChannel.id, user_id: w.owner.id, post_id: 'p'.repeat(26)}, Buffer.from('x'));
        const res = await h.request(w.member, 'GET', `/api/v1/files/${info.id}/rights`);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('FILE_NOT_FOUND');
    });

    it('maps an upload over Mattermost\'s limit to 413', async () => {
        h = await ApiHarness.start();
        const w = buildWorld(h);
        h.api.uploadFile = async () => {
            throw new MattermostError('too large', 413, 'app.file.too_large');
        };
        const res = await h.request(w.member, 'POST', '/api/v1/documents', {channelId: w.privateChannel.id, name: 'x', kind: 'document'});
        expect(res.statusCode).toBe(413);
        expect(res.json().code).toBe('FILE_TOO_LARGE');
    });

    it('accepts JSON with a charset and leaves routes outside the group alone', async () => {
        h = await ApiHarness.start();
        const w = buildWorld(h);
        const res = await h.request(w.member, 'POST', '/api/v1/documents', '{"channelId": "nope"}', {'content-type': 'application/json; charset=utf-8'});
        expect(res.json().code).toBe('INVALID_FIELD');
        // Health has no session check.
        expect((await h.request(null, 'GET', '/api/v1/health')).statusCode).toBe(200);
    });
});
