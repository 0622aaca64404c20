// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Entry point: registers every surface with Mattermost's plugin registry and nothing else.
import React from 'react';
import type {Store} from 'redux';

import {fetchClientConfig, handleDocumentUpdated, handleEditorsChanged, handlePolicyChanged, resetEditorRequests, userChanged} from './actions';
import type {AppDispatch} from './actions';
import {client} from './client';
import ConnectionCheck from './components/admin_console/connection_check';
import {EditMenuText, RightsMenuText, makeFileMenuActions} from './components/file_menu';
import FilePreview, {makePreviewOverride} from './components/file_preview';
import {DocumentIcon, NewDocumentMenuText, openNewDocumentDialog} from './components/new_document';
import {ExportPanel, PdfMenuText} from './components/pdf_export';
import PostPresence from './components/presence_badge';
import Root from './components/root';
import {startTrackingComposer} from './composer_context';
import {getTranslations} from './i18n';
import {pluginId} from './manifest';
import {setMattermostUrl} from './mattermost_client';
import {handlePostEvent, POST_EVENTS, reloadThreads} from './post_events';
import reducer from './reducer';
import {getSiteRoot} from './selectors';
import type {HostState} from './selectors';
import {injectStyles, removeStyles} from './styles';
import type {PluginClass, PluginRegistry, WebSocketMessage} from './types/mattermost-webapp';
import {watchCurrentUser} from './user_watch';

const event = (name: string) => `custom_${pluginId}_${name}`;

export default class Plugin implements PluginClass {
    private stopTracking: (() => void) | null = null;
    private stopWatching: (() => void) | null = null;

    initialize(registry: PluginRegistry, store: Store): void {
        const getState = () => store.getState() as HostState;
        const dispatch = store.dispatch as unknown as AppDispatch;
        client.setBaseUrl(getSiteRoot(getState()), pluginId);
        setMattermostUrl(getSiteRoot(getState()));
        injectStyles();
        this.stopTracking = startTrackingComposer();

        registry.registerReducer(reducer);
        registry.registerTranslations(getTranslations);
        registry.registerRootComponent(Root);
        registry.registerRootComponent(ExportPanel);
        registry.registerFilePreviewComponent(makePreviewOverride(getState), FilePreview);

        const menu = makeFileMenuActions({getState, dispatch});
        registry.registerFileDropdownMenuAction?.(menu.editMatch, <EditMenuText/>, menu.editAction);
        registry.registerFileDropdownMenuAction?.(menu.rightsMatch, <RightsMenuText/>, menu.rightsAction);
        registry.registerFileDropdownMenuAction?.(menu.pdfMatch, <PdfMenuText/>, menu.pdfAction);
        registry.registerFileUploadMethod(<DocumentIcon/>, () => dispatch(openNewDocumentDialog()), <NewDocumentMenuText/>);
        registry.registerPostMessageAttachmentComponent(PostPresence);
        registry.registerAdminConsoleCustomSetting('ConnectionCheck', ConnectionCheck, {showTitle: true});

        registry.registerWebSocketEventHandler(event('policy_changed'), (msg: WebSocketMessage) => dispatch(handlePolicyChanged(msg.data)));
        registry.registerWebSocketEventHandler(event('editors_changed'), (msg: WebSocketMessage) => dispatch(handleEditorsChanged(msg.data)));
        registry.registerWebSocketEventHandler(event('document_updated'), (msg: WebSocketMessage) => dispatch(handleDocumentUpdated(msg.data)));
        registry.registerWebSocketEventHandler(event('config_updated'), () => dispatch(fetchClientConfig()));
        // Mattermost's own post events: the editor's thread panel follows its thread live.
        POST_EVENTS.forEach((kind) => registry.registerWebSocketEventHandler(kind, (msg: WebSocketMessage) => handlePostEvent(kind, msg)));
        registry.registerReconnectHandler(() => {
            reloadThreads();
            // Events were missed while offline: reload the config and let badges ask for editors again.
            resetEditorRequests();
            dispatch(fetchClientConfig());
        });

        // Not at initialize: on the login page there is no session yet (see user_watch.ts).
        this.stopWatching = watchCurrentUser(store, () => {
            resetEditorRequests();
            dispatch(userChanged());
            dispatch(fetchClientConfig());
        });
    }

    uninitialize(): void {
        this.stopTracking?.();
        this.stopTracking = null;
        this.stopWatching?.();
        this.stopWatching = null;
        removeStyles();
    }
}

window.registerPlugin(pluginId, new Plugin());
