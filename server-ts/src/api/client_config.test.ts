// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from './testing/api_harness';
import {buildWorld} from './testing/personas';

describe('GET /api/v1/client_config', () => {
    let h: ApiHarness;
    afterEach(async () => h.stop());

    it('answers 401 JSON without a session', async () => {
        h = await ApiHarness.start();
        const res = await h.request(null, 'GET', '/api/v1/client_config');
        expect(res.statusCode).toBe(401);
        expect(res.headers['content-type']).toMatch(/application\/json/);
        expect(res.json()).toEqual({error: expect.any(String), code: 'NOT_AUTHENTICATED'});
    });

    it('lists formats from discovery and the default preview list intersected with them', async () => {
        h = await ApiHarness.start({settings: {NewDocumentFormat: 'odf', EditSummaries: false}});
        const {member} = buildWorld(h);
        const res = await h.request(member, 'GET', '/api/v1/client_config');
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.collaboraUrl).toBe(h.standIn!.url);
        expect(body.configured).toBe(true);
        expect(body.newDocumentFormat).toBe('odf');
        expect(body.editSummaries).toBe(false);
        expect(body.error).toBeUndefined();
        expect(body.formats.docx).toEqual({view: true, edit: true});
        // PDF has view and view_comment actions only; png only view; sxw only view.
        expect(body.formats.pdf).toEqual({view: true, edit: false});
        expect(body.formats.sxw).toEqual({view: true, edit: false});
        // Office formats Collabora opens are previewed; PDF, text, csv and images stay with Mattermost.
        expect(body.previewExtensions).toEqual(expect.arrayContaining(['odt', 'docx', 'doc', 'rtf', 'ods', 'xlsx', 'xls', 'odp', 'pptx', 'ppt', 'odg', 'sxw']));
        for (const ext of ['pdf', 'txt', 'csv', 'png']) {
            expect(body.previewExtensions).not.toContain(ext);
        }
    });

    it('takes the admin preview list, limited to what discovery opens', async () => {
        h = await ApiHarness.start({settings: {PreviewFormats: 'pdf, .DOCX, mp4'}});
        const {member} = buildWorld(h);
        const body = (await h.request(member, 'GET', '/api/v1/client_config')).json();
        expect(body.previewExtensions).toEqual(['pdf', 'docx']);
    });

    it('says why when discovery is unavailable', async () => {
        h = await ApiHarness.start({standIn: false, settings: {CollaboraUrl: 'http://127.0.0.1:1'}});
        const {member} = buildWorld(h);
        const res = await h.request(member, 'GET', '/api/v1/client_config');
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body).toMatchObject({configured: true, formats: {}, previewExtensions: []});
        expect(body.error).toMatch(/could not be fetched from http:\/\/127\.0\.0\.1:1/);
    });

    it('reports an unconfigured plugin', async () => {
        h = await ApiHarness.start({standIn: false});
        const {member} = buildWorld(h);
        const body = (await h.request(member, 'GET', '/api/v1/client_config')).json();
        expect(body).toMatchObject({collaboraUrl: '', configured: false, formats: {}, previewExtensions: []});
        expect(body.error).toMatch(/URL is not set/);
    });
});
