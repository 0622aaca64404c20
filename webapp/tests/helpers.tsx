// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Test harness: a real Redux store shaped like Mattermost's (host entities + our plugin slice, with a
// thunk middleware like the host's), react-intl with the English catalogue, and a routed fetch mock.
import {render} from '@testing-library/react';
import type {RenderResult} from '@testing-library/react';
import React from 'react';
import type {ReactElement} from 'react';
import {IntlProvider} from 'react-intl';
import {Provider} from 'react-redux';
import {applyMiddleware, legacy_createStore as createStore} from 'redux';
import type {Middleware, Store} from 'redux';

import en from '../i18n/en.json';
import type {ClientConfig, FileRights} from '../src/client';
import {pluginId} from '../src/manifest';
import reducer, {initialState} from '../src/reducer';
import type {PluginState} from '../src/reducer';
import type {HostState} from '../src/selectors';

export const stateKey = `plugins-${pluginId}`;

export const testConfig: ClientConfig = {
    collaboraUrl: 'https://collabora.example.com',
    configured: true,
    formats: {
        docx: {view: true, edit: true},
        odt: {view: true, edit: true},
        xlsx: {view: true, edit: true},
        pptx: {view: true, edit: true},
        pages: {view: true, edit: false},
        vsdx: {view: true, edit: false},
        pdf: {view: true, edit: false},
        txt: {view: true, edit: true},
    },
    previewExtensions: ['docx', 'odt', 'xlsx', 'pptx', 'pages', 'vsdx'],
    newDocumentFormat: 'ooxml',
    editSummaries: true,
};

export const rights = (overrides: Partial<FileRights> = {}): FileRights => ({
    canView: true, canEdit: true, reason: '', policy: 'channel', canChangePolicy: false, ...overrides,
});

export function baseHostState(): HostState {
    return {
        entities: {
            general: {config: {SiteURL: 'http://localhost:8065'}},
            users: {currentUserId: 'me', profiles: {me: {roles: 'system_user'}}},
            channels: {currentChannelId: 'chan1', myMembers: {chan1: {roles: 'channel_user', scheme_admin: false}}},
            posts: {posts: {}},
            files: {files: {}, fileIdsByPostId: {}},
        },
        views: {rhs: {selectedPostId: ''}},
    };
}

const thunk: Middleware = (api) => (next) => (action) => (
    typeof action === 'function' ? action(api.dispatch, api.getState) : next(action)
);

export function makeStore(host: HostState = baseHostState(), plugin: Partial<PluginState> = {}): Store {
    const preloaded: HostState = {...host, [stateKey]: {...initialState, clientConfig: testConfig, ...plugin}};
    const root = (state: HostState = preloaded, action: {type: string}): HostState => ({
        ...state,
        [stateKey]: reducer(state[stateKey] as PluginState, action),
    });
    return createStore(root, preloaded as never, applyMiddleware(thunk));
}

export function renderWithStore(ui: ReactElement, store: Store = makeStore()): RenderResult & {store: Store} {
    const result = render(
        <Provider store={store}>
            <IntlProvider locale='en' messages={en}>{ui}</IntlProvider>
        </Provider>,
    );
    return {...result, store};
}

export function pluginState(store: Store): PluginState {
    return (store.getState() as HostState)[stateKey] as PluginState;
}

type Route = {method: string; path: string | RegExp; status?: number; body?: unknown};

// Answers fetch by method and path; unrouted calls fail the test loudly.
export function mockFetch(routes: Route[]): jest.Mock {
    const fn = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const url = String(input);
        const method = init?.method ?? 'GET';
        const route = routes.find((r) => r.method === method && (typeof r.path === 'string' ? url.endsWith(r.path) : r.path.test(url)));
        if (!route) {
            throw new Error(`unexpected fetch ${method} ${url}`);
        }
        const status = route.status ?? 200;
        return {ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(route.body ?? {})} as Response;
    });
    globalThis.fetch = fn as unknown as typeof fetch;
    return fn;
}

