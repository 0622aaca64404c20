// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {Client, ClientError, readCookie} from './client';

function respond(status: number, body: unknown, raw?: string) {
    const fn = jest.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => ({ok: status >= 200 && status < 300, status, text: async () => raw ?? JSON.stringify(body)} as Response));
    globalThis.fetch = fn as unknown as typeof fetch;
    return fn;
}

describe('Client', () => {
    const client = new Client();
    beforeEach(() => {
        client.setBaseUrl('/chat/', 'com.collaboraonline.mattermost');
        document.cookie = 'MMCSRF=csrf%20token';
    });

    it('GETs under the site path with the XHR header and no CSRF header', async () => {
        const fetchMock = respond(200, {collaboraUrl: '', configured: false, formats: {}, previewExtensions: [], newDocumentFormat: 'odf', editSummaries: false});
        const config = await client.getClientConfig();
        expect(config.newDocumentFormat).toBe('odf');
        const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
        expect(url).toBe('/chat/plugins/com.collaboraonline.mattermost/api/v1/client_config');
        expect(init.method).toBe('GET');
        expect(init.credentials).toBe('include');
        expect(init.headers).toEqual(expect.objectContaining({'X-Requested-With': 'XMLHttpRequest'}));
        expect(init.headers).not.toHaveProperty('X-CSRF-Token');
    });

    it('sends the CSRF token and a JSON body on writes', async () => {
        const fetchMock = respond(200, {canView: true, canEdit: false, reason: '', policy: 'owner', canChangePolicy: true});
        await client.setPolicy('f/1', 'owner');
        const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
        expect(url).toBe('/chat/plugins/com.collaboraonline.mattermost/api/v1/files/f%2F1/policy');
        expect(init.method).toBe('PUT');
        expect(init.body).toBe('{"policy":"owner"}');
        expect(init.headers).toEqual(expect.objectContaining({'X-CSRF-Token': 'csrf token', 'Content-Type': 'application/json'}));
    });

    it.each([
        ['createDocument', () => client.createDocument({channelId: 'c', rootId: 'r', name: 'n', kind: 'spreadsheet'}), 'POST', '/api/v1/documents', {channelId: 'c', rootId: 'r', name: 'n', kind: 'spreadsheet'}],
        ['restoreRevision', () => client.restoreRevision('f1', 'r1'), 'POST', '/api/v1/files/f1/revisions/r1/restore', {}],
        ['createLink', () => client.createLink('f1'), 'POST', '/api/v1/files/f1/link', {}],
        ['runAdminCheck', () => client.runAdminCheck(), 'POST', '/api/v1/admin/check', {}],
        ['getRights', () => client.getRights('f1'), 'GET', '/api/v1/files/f1/rights', undefined],
        ['getRevisions', () => client.getRevisions('f1'), 'GET', '/api/v1/files/f1/revisions', undefined],
        ['getEditors', () => client.getEditors('f1'), 'GET', '/api/v1/files/f1/editors', undefined],
        ['getLock', () => client.getLock('f1'), 'GET', '/api/v1/files/f1/lock', undefined],
        ['releaseLock', () => client.releaseLock('f1'), 'DELETE', '/api/v1/files/f1/lock', undefined],
    ])('%s calls %s %s', async (_name, call, method, path, body) => {
        const fetchMock = respond(200, {});
        await call();
        const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
        expect(url).toBe(`/chat/plugins/com.collaboraonline.mattermost${path}`);
        expect(init.method).toBe(method);
        expect(init.body).toBe(body === undefined ? undefined : JSON.stringify(body));
    });

    it('opens a session and rejects one without an action URL or a token', async () => {
        const fetchMock = respond(200, {actionUrl: 'https://co/cool.html?WOPISrc=x', accessToken: 't', accessTokenTtl: 1});
        await expect(client.openFile('f1', 'edit')).resolves.toMatchObject({accessToken: 't'});
        expect(fetchMock.mock.calls[0][1]).toMatchObject({method: 'POST', body: '{"mode":"edit"}'});
        respond(200, {});
        await expect(client.openFile('f1', 'edit')).rejects.toMatchObject({code: 'BAD_RESPONSE'});
        respond(200, {actionUrl: 'javascript:alert(1)', accessToken: 't'});
        await expect(client.openFile('f1', 'edit')).rejects.toMatchObject({code: 'BAD_RESPONSE'});
    });

    it('unwraps lists and tolerates missing ones', async () => {
        respond(200, {revisions: [{fileId: 'r1'}]});
        expect(await client.getRevisions('f')).toEqual([{fileId: 'r1'}]);
        respond(200, {});
        expect(await client.getEditors('f')).toEqual([]);
        expect(await client.runAdminCheck()).toEqual([]);
    });

    it('turns {error, code} answers into ClientError with the HTTP status', async () => {
        respond(409, {error: 'The document is locked.', code: 'WOPI_LOCK_MISMATCH'});
        await expect(client.openFile('f', 'edit')).rejects.toMatchObject({name: 'ClientError', status: 409, code: 'WOPI_LOCK_MISMATCH', message: 'The document is locked.'});
    });

    it('copes with non-JSON errors, bad bodies and network failures', async () => {
        respond(503, null, '<html>Bad gateway</html>');
        await expect(client.getRights('f')).rejects.toMatchObject({status: 503, code: 'HTTP_503', message: ''});
        respond(200, null, 'oops');
        await expect(client.getRights('f')).rejects.toMatchObject({code: 'BAD_RESPONSE'});
        globalThis.fetch = jest.fn(async () => {
            throw new TypeError('Failed to fetch');
        }) as unknown as typeof fetch;
        const err = await client.getRights('f').catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ClientError);
        expect(err).toMatchObject({status: 0, code: 'NETWORK'});
    });

    it('reads cookies', () => {
        expect(readCookie('MMCSRF', 'a=1; MMCSRF=x%3Dy; b=2')).toBe('x=y');
        expect(readCookie('MMCSRF', 'a=1')).toBe('');
    });
});
