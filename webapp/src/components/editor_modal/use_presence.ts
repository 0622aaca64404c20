// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Presence: the server only knows who has the document open if we say so, and forgets anyone
// whose heartbeats stop (server-ts/src/api/presence.ts, 2 min).
import {useEffect} from 'react';

import {client} from '../../client';

export const PRESENCE_HEARTBEAT_MS = 45000;

export function usePresence(fileId: string): void {
    useEffect(() => {
        client.setPresence(fileId, 'join').catch(() => undefined);
        const timer = window.setInterval(() => client.setPresence(fileId, 'heartbeat').catch(() => undefined), PRESENCE_HEARTBEAT_MS);
        return () => {
            window.clearInterval(timer);
            client.setPresence(fileId, 'leave').catch(() => undefined);
        };
    }, [fileId]);
}
