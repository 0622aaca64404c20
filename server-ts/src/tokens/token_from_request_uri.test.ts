// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {MAX_REQUEST_URI_LENGTH, tokenFromRequestUri} from './token_from_request_uri';
import type {TokenFromUriResult} from './token_from_request_uri';

const P = '/plugins/com.collaboraonline.mattermost/wopi/files/doc1';

describe('tokenFromRequestUri', () => {
    const cases: Array<[string, string, TokenFromUriResult]> = [
        ['Collabora order', `${P}?access_token=v1.abc.def&access_token_ttl=1767323045000&permission=edit`, {ok: true, token: 'v1.abc.def'}],
        ['token last', `${P}/contents?permission=edit&access_token=tok`, {ok: true, token: 'tok'}],
        ['absolute-form request target', `https://mm.example${P}?access_token=tok`, {ok: true, token: 'tok'}],
        ['percent-encoded value', `${P}?access_token=a%2Fb%3D`, {ok: true, token: 'a/b='}],
        ['percent-encoded name', `${P}?access%5Ftoken=tok`, {ok: true, token: 'tok'}],
        ['plus kept literally', `${P}?access_token=a+b`, {ok: true, token: 'a+b'}],
        ['same token twice', `${P}?access_token=tok&access_token=tok`, {ok: true, token: 'tok'}],
        ['empty duplicate ignored', `${P}?access_token=&access_token=tok`, {ok: true, token: 'tok'}],
        ['fragment ignored', `${P}?access_token=tok#frag`, {ok: true, token: 'tok'}],
        ['empty pairs', `${P}?&&access_token=tok&`, {ok: true, token: 'tok'}],
        ['no query', P, {ok: false, code: 'TOKEN_MISSING'}],
        ['empty query', `${P}?`, {ok: false, code: 'TOKEN_MISSING'}],
        ['no value', `${P}?access_token`, {ok: false, code: 'TOKEN_MISSING'}],
        ['empty value', `${P}?access_token=`, {ok: false, code: 'TOKEN_MISSING'}],
        ['similar name', `${P}?access_token_ttl=5&xaccess_token=tok`, {ok: false, code: 'TOKEN_MISSING'}],
        ['token only in fragment', `${P}?a=1#access_token=tok`, {ok: false, code: 'TOKEN_MISSING'}],
        ['two different tokens', `${P}?access_token=one&access_token=two`, {ok: false, code: 'TOKEN_AMBIGUOUS'}],
        ['broken percent-encoding', `${P}?access_token=%E0%A4%A`, {ok: false, code: 'TOKEN_MALFORMED'}],
        ['huge', `${P}?access_token=${'a'.repeat(MAX_REQUEST_URI_LENGTH)}`, {ok: false, code: 'TOKEN_MALFORMED'}],
    ];

    it.each(cases)('%s', (_name, uri, expected) => {
        expect(tokenFromRequestUri(uri)).toEqual(expected);
    });

    it('ignores a broken unrelated parameter name', () => {
        expect(tokenFromRequestUri(`${P}?%zz=1&access_token=tok`)).toEqual({ok: true, token: 'tok'});
    });
});
