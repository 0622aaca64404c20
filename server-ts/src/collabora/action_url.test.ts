// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {buildActionUrl} from './action_url';
import {buildEditorFormFields} from './editor_form_fields';

const SRC = 'https://office.example/browser/0123abc/cool.html?';
const WOPISRC = 'https://mm.example/plugins/com.collaboraonline.mattermost/wopi/files/doc1';
const ENC = encodeURIComponent(WOPISRC);

describe('buildActionUrl', () => {
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
        expect(buildActionUrl(options)).toEqual({ok: true, url: expected});
    });

    it('encodes WOPISrc so that no raw ":" or "/" reaches Collabora', () => {
        const result = buildActionUrl({urlsrc: SRC, wopiSrc: WOPISRC});
        expect(result.ok && result.url.split('WOPISrc=')[1]).not.toMatch(/[:/]/);
    });

    it.each([
        ['WOPISrc with a query (token leak)', {urlsrc: SRC, wopiSrc: `${WOPISRC}?access_token=x`}],
        ['relative WOPISrc', {urlsrc: SRC, wopiSrc: '/wopi/files/doc1'}],
        ['non-http urlsrc', {urlsrc: 'javascript:alert(1)//?', wopiSrc: WOPISRC}],
        ['bad lang', {urlsrc: SRC, wopiSrc: WOPISRC, lang: 'de&x=1'}],
    ])('refuses %s', (_name, options) => {
        expect(buildActionUrl(options).ok).toBe(false);
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
