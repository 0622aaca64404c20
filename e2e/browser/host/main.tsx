// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The host page: plays the Mattermost web app's part for plugin bundles (mattermost-plugin.md 5).
// It exposes the globals Mattermost exposes, logs in through the real REST API, builds the Redux
// store with mattermost-redux, loads each plugin bundle from the URL the server serves it at, and
// renders the registered surfaces with real posts and file infos.

import {Client4} from 'mattermost-redux/client';
import configureStore from 'mattermost-redux/store';
import React from 'react';
import * as ReactDOM from 'react-dom';
import {createRoot} from 'react-dom/client';
import * as ReactIntl from 'react-intl';
import * as ReactRedux from 'react-redux';
import * as Redux from 'redux';

import {App} from './app';
import {PostUtils} from './post_utils';
import {hostCss} from './theme';

// webapp/channels/src/plugins/export.ts: the libraries plugin bundles take from the page.
// ReactBootstrap, ReactRouterDom, PropTypes, Luxon and StyledComponents are not provided: our bundle
// uses none of them, and a bundle that did would fail here at load. PostUtils: post_utils.tsx.
Object.assign(window, {React, ReactDOM, ReactIntl, Redux, ReactRedux, PostUtils});

const style = document.createElement('style');
style.textContent = hostCss();
document.head.appendChild(style);

// Same origin as the server: the session lives in the MMAUTHTOKEN cookie, and Client4 sends the
// MMCSRF cookie back as X-CSRF-Token on non-GET requests.
Client4.setUrl(window.location.origin);
Client4.setIncludeCookies(true);

const store = configureStore({appReducers: {}, getAppReducers: () => ({}), preloadedState: {}});
(window as unknown as {e2eStore: unknown}).e2eStore = store;

createRoot(document.getElementById('root') as HTMLElement).render(
    <ReactRedux.Provider store={store}>
        <App store={store}/>
    </ReactRedux.Provider>,
);
