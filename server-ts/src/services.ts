// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {DiscoveryService} from './collabora/discovery_service';
import {lookup, tokenLifetimeSeconds} from './config/settings';
import {DocumentStore} from './documents/document_store';
import {SessionEnder} from './documents/session_ender';
import {LockStore} from './locks/lock_store';
import {AccessService} from './rights/access_service';
import type {PluginState} from './runtime/plugin_state';
import {SigningKeyStore} from './tokens/signing_key_store';

// Services is the composition root: one instance of each stateful helper, built from the
// plugin state. Route handlers receive it; nothing reaches for globals.
export interface Services {
    state: PluginState;
    documents: DocumentStore;
    locks: LockStore;
    access: AccessService;
    keys: SigningKeyStore;
    discovery: DiscoveryService;
    sessions: SessionEnder;
    now: () => number;
}

export function buildServices(state: PluginState, now: () => number = Date.now): Services {
    const documents = new DocumentStore(state.api, () => lookup(state.rawSettings, 'FileEditPermissions'));
    const locks = new LockStore(state.api, now, () => ({ttlSeconds: state.settings.lockTtlSeconds, reclaimSeconds: tokenLifetimeSeconds(state.settings)}));
    return {
        state,
        documents,
        locks,
        access: new AccessService(state.api, () => state.settings),
        keys: new SigningKeyStore(state.api),
        discovery: new DiscoveryService(state.api, () => state.settings, state.log, now),
        sessions: new SessionEnder(state, documents, locks, now),
        now,
    };
}
