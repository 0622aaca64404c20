// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Smoke test of the built artifact (dist/main.js, after `npm run build`): it must load with nothing but
// the globals Mattermost exposes, register itself, and render through the host's React, Redux and
// react-intl (externals) with the createElement-based JSX runtime.
import fs from 'fs';
import path from 'path';

import {render, screen} from '@testing-library/react';
import React from 'react';
import type {ComponentType, ReactElement} from 'react';
import {IntlProvider} from 'react-intl';
import {Provider} from 'react-redux';

import en from '../i18n/en.json';
import {makeStore, mockFetch, testConfig} from '../tests/helpers';

import {showNotice} from './actions';
import type {PluginClass, PluginRegistry} from './types/mattermost-webapp';

const bundle = path.join(__dirname, '..', 'dist', 'main.js');
const describeBuilt = fs.existsSync(bundle) ? describe : describe.skip;

type HostWindow = Record<string, unknown>;

describeBuilt('the built bundle', () => {
    it('registers with the host globals and renders through them', () => {
        const host = window as unknown as HostWindow;
        host.React = require('react');
        host.ReactDOM = require('react-dom');
        host.ReactIntl = require('react-intl');
        host.Redux = require('redux');
        host.ReactRedux = require('react-redux');
        let plugin: PluginClass | undefined;
        window.registerPlugin = (id: string, p: PluginClass) => {
            expect(id).toBe('com.collaboraonline.mattermost');
            plugin = p;
        };
        new Function(fs.readFileSync(bundle, 'utf8'))();
        expect(plugin).toBeDefined();

        const calls: Record<string, unknown[][]> = {};
        const registry = new Proxy({}, {
            get: (_target, name: string) => (...args: unknown[]) => {
                (calls[name] = calls[name] ?? []).push(args);
                return 'id';
            },
        }) as PluginRegistry;
        mockFetch([{method: 'GET', path: '/api/v1/client_config', body: testConfig}]);
        const store = makeStore();
        plugin!.initialize(registry, store);
        expect(Object.keys(calls).sort()).toEqual([
            'registerAdminConsoleCustomSetting', 'registerFileDropdownMenuAction', 'registerFilePreviewComponent',
            'registerFileUploadMethod', 'registerPostMessageAttachmentComponent', 'registerReconnectHandler', 'registerReducer',
            'registerRootComponent', 'registerTranslations', 'registerWebSocketEventHandler',
        ]);

        const Root = calls.registerRootComponent[0][0] as ComponentType;
        const [, menuText] = calls.registerFileDropdownMenuAction[0] as [unknown, ReactElement];
        const [icon, , uploadText] = calls.registerFileUploadMethod[0] as [ReactElement, unknown, ReactElement];
        store.dispatch(showNotice('cannot_edit', 'Only the owner can edit.'));
        render(
            <Provider store={store}>
                <IntlProvider locale='en' messages={en}>
                    <Root/>
                    <p>{menuText}</p>
                    <p>{uploadText}{icon}</p>
                </IntlProvider>
            </Provider>,
        );
        expect(screen.getByRole('dialog', {name: 'You can’t edit this document'})).toHaveTextContent('Only the owner can edit.');
        expect(screen.getByText('Edit in Collabora Online')).toBeInTheDocument();
        expect(screen.getByText('New document').parentElement?.querySelector('svg path')).not.toBeNull();
        plugin!.uninitialize?.();
    });
});
