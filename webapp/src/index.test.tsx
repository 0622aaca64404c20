// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {waitFor} from '@testing-library/react';

import fr from '../i18n/fr.json';
import {applyMiddleware, legacy_createStore as createStore} from 'redux';
import type {Middleware} from 'redux';

import {baseHostState, makeStore, mockFetch, pluginState, stateKey, testConfig} from '../tests/helpers';

import {client} from './client';
import ConnectionCheck from './components/admin_console/connection_check';
import FilePreview from './components/file_preview';
import {ExportPanel} from './components/pdf_export';
import PostPresence from './components/presence_badge';
import Root from './components/root';
import reducer from './reducer';
import type {PluginState} from './reducer';
import type {HostState} from './selectors';
import {STYLE_ELEMENT_ID} from './styles';
import type {PluginClass, PluginRegistry} from './types/mattermost-webapp';

const ID = 'com.collaboraonline.mattermost';

const thunk: Middleware = (api) => (next) => (action) => (typeof action === 'function' ? action(api.dispatch, api.getState) : next(action));

function mockRegistry(): jest.Mocked<PluginRegistry> {
    const registry = {
        registerRootComponent: jest.fn(() => 'id'),
        registerFilePreviewComponent: jest.fn(() => 'id'),
        registerFileDropdownMenuAction: jest.fn(() => 'id'),
        registerFileUploadMethod: jest.fn(() => 'id'),
        registerPostMessageAttachmentComponent: jest.fn(() => 'id'),
        registerAdminConsoleCustomSetting: jest.fn(),
        registerTranslations: jest.fn(),
        registerWebSocketEventHandler: jest.fn(),
        unregisterWebSocketEventHandler: jest.fn(),
        registerReconnectHandler: jest.fn(),
        registerReducer: jest.fn(),
        unregisterComponent: jest.fn(),
    };
    return registry as unknown as jest.Mocked<PluginRegistry>;
}

let loaded: PluginClass | undefined;
function loadPlugin(): PluginClass {
    if (!loaded) {
        window.registerPlugin = jest.fn((id: string, p: PluginClass) => {
            expect(id).toBe(ID);
            loaded = p;
        });

        // The bundle registers itself when loaded, as Mattermost expects.
        require('./index');
    }
    return loaded as PluginClass;
}

function start(registry = mockRegistry()) {
    const fetchMock = mockFetch([
        {method: 'GET', path: '/api/v1/client_config', body: testConfig},
        {method: 'GET', path: /rights$/, body: {canView: true, canEdit: true, reason: '', policy: 'channel', canChangePolicy: false}},
    ]);
    const host = baseHostState();
    host.entities!.general!.config!.SiteURL = 'https://mm.example.com/chat';
    const store = makeStore(host, {clientConfig: null});
    const plugin = loadPlugin();
    plugin.initialize(registry, store);
    return {registry, store, plugin, fetchMock};
}

describe('plugin registration', () => {
    it('registers every surface with the documented registry signatures', () => {
        const {registry, plugin} = start();
        expect(registry.registerReducer).toHaveBeenCalledWith(reducer);
        expect(registry.registerRootComponent).toHaveBeenCalledWith(Root);
        expect(registry.registerRootComponent).toHaveBeenCalledWith(ExportPanel);
        expect(registry.registerFilePreviewComponent).toHaveBeenCalledWith(expect.any(Function), FilePreview);
        // Edit, editing rights, send as PDF.
        expect(registry.registerFileDropdownMenuAction).toHaveBeenCalledTimes(3);
        expect(registry.registerFileUploadMethod).toHaveBeenCalledWith(expect.anything(), expect.any(Function), expect.anything());
        expect(registry.registerPostMessageAttachmentComponent).toHaveBeenCalledWith(PostPresence);
        expect(registry.registerAdminConsoleCustomSetting).toHaveBeenCalledWith('ConnectionCheck', ConnectionCheck, {showTitle: true});
        expect(registry.registerWebSocketEventHandler.mock.calls.map((call) => call[0]).sort()).toEqual([
            `custom_${ID}_config_updated`, `custom_${ID}_document_updated`, `custom_${ID}_editors_changed`, `custom_${ID}_policy_changed`,
            'post_deleted', 'post_edited', 'posted',
        ]);
        expect(registry.registerReconnectHandler).toHaveBeenCalled();
        plugin.uninitialize?.();
    });

    it('calls the API under the Site URL path and loads the client config', async () => {
        const {store, fetchMock, plugin} = start();
        expect(client.getBaseUrl()).toBe(`/chat/plugins/${ID}`);
        await waitFor(() => expect(pluginState(store).clientConfig).toEqual(testConfig));
        expect(String(fetchMock.mock.calls[0][0])).toBe(`/chat/plugins/${ID}/api/v1/client_config`);
        plugin.uninitialize?.();
    });

    it('loads nothing on the login page, then the config when a user logs in and again for another user', async () => {
        const fetchMock = mockFetch([{method: 'GET', path: '/api/v1/client_config', body: testConfig}]);
        const loggedOut = baseHostState();
        loggedOut.entities!.users!.currentUserId = '';

        // The host's store, with an in-page login (login.tsx finishSignin: no reload) as one action.
        const root = (state: HostState = {...loggedOut, [stateKey]: undefined}, action: {type: string; userId?: string}): HostState => ({
            ...state,
            entities: action.type === 'LOGIN' ? {...state.entities, users: {...state.entities!.users, currentUserId: action.userId}} : state.entities,
            [stateKey]: reducer(state[stateKey] as PluginState | undefined, action),
        });
        const store = createStore(root, applyMiddleware(thunk));
        const plugin = loadPlugin();
        plugin.initialize(mockRegistry(), store);
        await new Promise((r) => setTimeout(r, 10));
        expect(fetchMock).not.toHaveBeenCalled();

        store.dispatch({type: 'LOGIN', userId: 'me'});
        await waitFor(() => expect(pluginState(store).clientConfig).toEqual(testConfig));
        expect(fetchMock).toHaveBeenCalledTimes(1);
        store.dispatch({type: `${ID}/received_rights`, fileId: 'f1', rights: {canView: true, canEdit: true, reason: '', policy: 'channel', canChangePolicy: true}});
        store.dispatch({type: 'LOGIN', userId: 'someone_else'});
        expect(pluginState(store).rights).toEqual({});
        await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
        plugin.uninitialize?.();
    });

    it('serves translations and injects its styles until uninitialized', () => {
        const {registry, plugin} = start();
        const getTranslations = registry.registerTranslations.mock.calls[0][0];
        expect(getTranslations('fr')).toBe(fr);
        expect(document.getElementById(STYLE_ELEMENT_ID)).not.toBeNull();
        plugin.uninitialize?.();
        expect(document.getElementById(STYLE_ELEMENT_ID)).toBeNull();
    });

    it('wires websocket events and the upload method into the store', () => {
        const {registry, store, plugin} = start();
        const handler = (name: string) => registry.registerWebSocketEventHandler.mock.calls.find((call) => call[0] === `custom_${ID}_${name}`)![1];
        handler('editors_changed')({event: 'x', data: {file_id: 'f1', doc_id: 'd1', editors: '[{"userId":"u","username":"ana","displayName":"Ana"}]'}});
        expect(pluginState(store).editors.f1).toHaveLength(1);
        handler('document_updated')({event: 'x', data: {file_id: 'f1', doc_id: 'd1', post_id: 'p1'}});
        expect(pluginState(store).documentVersions.f1).toBe(1);

        store.dispatch({type: `${ID}/received_client_config`, config: testConfig});
        const uploadAction = registry.registerFileUploadMethod.mock.calls[0][1];
        uploadAction(jest.fn());
        expect(pluginState(store).dialog).toEqual({kind: 'new_document', channelId: 'chan1', rootId: undefined});
        plugin.uninitialize?.();
    });

    it('works on servers without file menu actions (feature detection)', () => {
        const registry = mockRegistry();
        delete registry.registerFileDropdownMenuAction;
        const {plugin} = start(registry);
        expect(registry.registerFilePreviewComponent).toHaveBeenCalled();
        plugin.uninitialize?.();
    });
});
