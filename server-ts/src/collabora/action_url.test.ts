// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {buildActionUrl} from './action_url';
import {buildEditorFormFields} from './editor_form_fields';

const SRC = 'https://office.example/browser/0123abc/cool.html?';
const WOPISRC = 'https://mm.example/plugins/com.collaboraonline.mattermost/wopi/files/doc1';
const ENC = encodeURIComponent(WOPISRC);

describe('buildActionUrl', () => {
    // The public URL is the urlsrc's own origin here: these cases are about the query.
    const at = (urlsrc: string) => new URL(urlsrc.replace(/\\/g, '')).origin;

    it.each([
        ['Collabora urlsrc ending in ?', {urlsrc: SRC, wopiSrc: WOPISRC, lang: 'de'}, `${SRC}WOPISrc=${ENC}&lang=de`],
        ['read-only preview with buttons', {urlsrc: SRC, wopiSrc: WOPISRC, permission: 'readonly' as const, closeButton: true, revisionHistory: true},
            `${SRC}WOPISrc=${ENC}&permission=readonly&closebutton=1&revisionhistory=1`],
        ['edit is the default and not sent', {urlsrc: SRC, wopiSrc: WOPISRC, permission: 'edit' as const}, `${SRC}WOPISrc=${ENC}`],
        ['urlsrc without ?', {urlsrc: 'https://o.example/cool.html', wopiSrc: WOPISRC}, `https://o.example/cool.html?WOPISrc=${ENC}`],
        ['urlsrc with a fixed parameter', {urlsrc: 'https://o.example/cool.html?a=1', wopiSrc: WOPISRC}, `https://o.example/cool.html?a=1&WOPISrc=${ENC}`],
        ['Microsoft placeholders: language filled, others dropped',
            {urlsrc: 'https://o.example/we.aspx?<ui=UI_LLCC&><rs=DC_LLCC&><dchat=DISABLE_CHAT&>', wopiSrc: WOPISRC, lang: 'en-US'},
            `https://o.example/we.aspx?ui=en-US&rs=en-US&WOPISrc=${ENC}&lang=en-US`],
        ['placeholders without lang are all dropped', {urlsrc: 'https://o.example/we.aspx?<ui=UI_LLCC&>', wopiSrc: WOPISRC},
            `https://o.example/we.aspx?WOPISrc=${ENC}`],
        ['stray backslash before dots', {urlsrc: 'https://office\\.example/cool\\.html?', wopiSrc: WOPISRC},
            `https://office.example/cool.html?WOPISrc=${ENC}`],
    ])('%s', (_name, options, expected) => {
        expect(buildActionUrl({publicCollaboraUrl: at(options.urlsrc), ...options})).toEqual({ok: true, url: expected});
    });

    // Discovery fetched at the internal URL names the internal address (Collabora takes it from
    // the request's Host); browsers get the public origin, urlsrc's path and query stay.
    it.each([
        ['internal host and port', 'http://collabora:9980/browser/0123abc/cool.html?', 'https://office.example.com',
            `https://office.example.com/browser/0123abc/cool.html?WOPISrc=${ENC}`],
        ['the public URL\'s path is not added (urlsrc has service_root)', 'http://10.0.0.7:9980/office/browser/h/cool.html?',
            'https://mm.example.com/office', `https://mm.example.com/office/browser/h/cool.html?WOPISrc=${ENC}`],
        ['a default port is dropped', 'https://collabora.internal/browser/h/cool.html?', 'https://office.example.com:443/',
            `https://office.example.com/browser/h/cool.html?WOPISrc=${ENC}`],
        ['a non-default port is kept', 'http://127.0.0.1:9980/browser/h/cool.html?', 'http://localhost:9980',
            `http://localhost:9980/browser/h/cool.html?WOPISrc=${ENC}`],
        ['query and placeholders survive', 'http://[fd00::7]:9980/we.aspx?x=1&<ui=UI_LLCC&>', 'https://office.example.com',
            `https://office.example.com/we.aspx?x=1&ui=de&WOPISrc=${ENC}&lang=de`],
        ['userinfo in urlsrc does not reach browsers', 'http://u:p@collabora:9980/cool.html?', 'https://office.example.com',
            `https://office.example.com/cool.html?WOPISrc=${ENC}`],
    ])('public origin: %s', (_name, urlsrc, publicCollaboraUrl, expected) => {
        const lang = urlsrc.includes('UI_LLCC') ? 'de' : undefined;
        expect(buildActionUrl({urlsrc, publicCollaboraUrl, wopiSrc: WOPISRC, lang})).toEqual({ok: true, url: expected});
    });

    it('encodes WOPISrc so that no raw ":" or "/" reaches Collabora', () => {
        const result = buildActionUrl({urlsrc: SRC, publicCollaboraUrl: at(SRC), wopiSrc: WOPISRC});
        expect(result.ok && result.url.split('WOPISrc=')[1]).not.toMatch(/[:/]/);
    });

    it.each([
        ['WOPISrc with a query (token leak)', {urlsrc: SRC, wopiSrc: `${WOPISRC}?access_token=x`}],
        ['relative WOPISrc', {urlsrc: SRC, wopiSrc: '/wopi/files/doc1'}],
        ['non-http urlsrc', {urlsrc: 'javascript:alert(1)//?', wopiSrc: WOPISRC}],
        ['bad lang', {urlsrc: SRC, wopiSrc: WOPISRC, lang: 'de&x=1'}],
        ['no public Collabora URL', {urlsrc: SRC, wopiSrc: WOPISRC, publicCollaboraUrl: ''}],
        ['a public URL without scheme', {urlsrc: SRC, wopiSrc: WOPISRC, publicCollaboraUrl: 'office.example.com'}],
        ['a non-http public URL', {urlsrc: SRC, wopiSrc: WOPISRC, publicCollaboraUrl: 'ftp://office.example.com'}],
    ])('refuses %s', (_name, options) => {
        expect(buildActionUrl({publicCollaboraUrl: 'https://office.example', ...options}).ok).toBe(false);
    });
});

describe('buildEditorFormFields', () => {
    it('carries the token, the ms TTL and a dark theme', () => {
        expect(buildEditorFormFields({
            accessToken: 'v1.a.b', accessTokenTtl: 1767323045006, uiTheme: 'dark',
            uiDefaults: {UIMode: 'notebookbar'}, postMessageOrigin: 'https://mm.example',
        })).toEqual({ok: true, fields: [
            ['access_token', 'v1.a.b'], ['access_token_ttl', '1767323045006'], ['ui_theme', 'dark'],
            ['ui_defaults', 'UIMode=notebookbar;UITheme=dark'], ['postmessage_origin', 'https://mm.example'],
        ]});
    });

    it.each([
        ['empty token', {accessToken: '', accessTokenTtl: 1}],
        ['fractional ttl', {accessToken: 't', accessTokenTtl: 1.5}],
        ['separator in ui_defaults', {accessToken: 't', accessTokenTtl: 1, uiDefaults: {A: 'b;C=d'}}],
    ])('refuses %s', (_name, options) => {
        expect(buildEditorFormFields(options).ok).toBe(false);
    });
});
