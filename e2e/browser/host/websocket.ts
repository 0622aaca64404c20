// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The web app's websocket, reduced to what the plugin surfaces depend on: cookie-authenticated
// /api/v4/websocket on the page's origin; new and edited posts go to the store (as
// websocket_actions.jsx does with mattermost-redux), every event goes to the handlers plugins
// registered for it (custom_<pluginId>_<name> included), and a reconnect calls the plugins'
// reconnect handlers and reloads the current channel's posts.

import {receivedNewPost, receivedPost} from 'mattermost-redux/actions/posts';
import type {Store} from 'redux';

import {reconnectHandlers, webSocketHandlers} from './plugin_registry';
import type {WebSocketMessage} from './plugin_registry';

export type HostSocket = {close: () => void; connected: () => boolean};

export function connectWebSocket(store: Store, onReconnect: () => void): HostSocket {
    let socket: WebSocket | null = null;
    let opened = false;
    let everOpened = false;
    let stopped = false;
    const url = `${window.location.origin.replace(/^http/, 'ws')}/api/v4/websocket`;

    const onMessage = (event: MessageEvent) => {
        let msg: WebSocketMessage;
        try {
            msg = JSON.parse(String(event.data)) as WebSocketMessage;
        } catch {
            return;
        }
        if (!msg.event) {
            return;
        }
        const dispatch = store.dispatch as (action: unknown) => unknown;
        if (msg.event === 'posted' && typeof msg.data.post === 'string') {
            dispatch(receivedNewPost(JSON.parse(msg.data.post), false));
        } else if (msg.event === 'post_edited' && typeof msg.data.post === 'string') {
            dispatch(receivedPost(JSON.parse(msg.data.post), false));
        }
        for (const handler of webSocketHandlers.get(msg.event)?.values() ?? []) {
            try {
                handler(msg);
            } catch (err) {
                console.error(`websocket handler for ${msg.event} failed`, err);
            }
        }
    };

    const connect = () => {
        socket = new WebSocket(url);
        socket.onopen = () => {
            opened = true;
            if (everOpened) {
                reconnectHandlers.forEach((handler) => handler());
                onReconnect();
            }
            everOpened = true;
            document.body.dataset.websocket = 'connected';
        };
        socket.onmessage = onMessage;
        socket.onclose = () => {
            opened = false;
            document.body.dataset.websocket = 'disconnected';
            if (!stopped) {
                window.setTimeout(connect, 1000);
            }
        };
    };
    connect();
    return {
        close: () => {
            stopped = true;
            socket?.close();
        },
        connected: () => opened,
    };
}
