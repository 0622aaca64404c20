// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ApiHarness} from './testing/api_harness';
import {buildWorld, type World} from './testing/personas';

// Which origin the browser is sent to. The stand-in, like coolwsd, names in urlsrc the Host
// its discovery was asked at (or its server_name), never the address browsers use.
describe('editor session: the action URL origin', () => {
    let h: ApiHarness;
    let w: World;
    afterEach(async () => h.stop());

    const openActionUrl = async (): Promise<URL> => {
        const doc = await h.postFile(w.owner, w.privateChannel, 'Plan.docx');
        const res = await h.request(w.member, 'POST', `/api/v1/files/${doc}/open`, {mode: 'edit'});
        expect(res.statusCode).toBe(200);
        return new URL(res.json().actionUrl);
    };

    it('is the public Collabora URL when discovery comes from the internal one', async () => {
        h = await ApiHarness.start();
        w = buildWorld(h);
        const internal = h.standIn!.url;
        h.state.applyConfiguration({CollaboraUrl: 'https://office.example.com', CollaboraInternalUrl: internal});
        const url = await openActionUrl();
        expect(url.origin).toBe('https://office.example.com');
        expect(url.pathname).toBe(`/browser/${h.standIn!.versionHash}/cool.html`);
        expect(h.standIn!.requests.filter((r) => r.url === '/hosting/discovery').length).toBeGreaterThanOrEqual(1);
    });

    it('is the public Collabora URL even when Collabora\'s server_name names another host', async () => {
        h = await ApiHarness.start({standIn: {serverName: 'office.elsewhere.example'}});
        w = buildWorld(h);
        expect((await openActionUrl()).origin).toBe(h.standIn!.url);
    });
});
