// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {DiscoveryService} from './collabora/discovery_service';
import {lookup, tokenLifetimeSeconds} from './config/settings';
import {CleanupJob} from './documents/cleanup_job';
import {DocumentRemover} from './documents/document_remover';
import {DocumentStore} from './documents/document_store';
import {LiveDocuments} from './documents/live_documents';
import {SessionEnder} from './documents/session_ender';
import {LockStore} from './locks/lock_store';
import {AccessService} from './rights/access_service';
import type {Hooks} from './runtime/hooks';
import type {PluginState} from './runtime/plugin_state';
import {SigningKeyStore} from './tokens/signing_key_store';

// Services is the composition root: one instance of each stateful helper, built from the
// plugin state. Route handlers receive it; nothing reaches for globals.
export interface Services {
    state: PluginState;
    documents: DocumentStore;
    // Asked before every decision: is the document's post still there, and in which channel.
    live: LiveDocuments;
    remover: DocumentRemover;
    cleanup: CleanupJob;
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
    const remover = new DocumentRemover(state.api, state.log, now);
    const live = new LiveDocuments(state.api, documents, remover);
    return {
        state,
        documents,
        live,
        remover,
        cleanup: new CleanupJob(state.api, state.log, live, remover, now),
        locks,
        access: new AccessService(state.api, () => state.settings),
        keys: new SigningKeyStore(state.api),
        discovery: new DiscoveryService(state.api, () => state.settings, state.log, now),
        sessions: new SessionEnder(state, documents, locks, now),
        now,
    };
}

// Deleted and edited posts take their documents with them (the hooks are only a prompt: the
// post is read again, and every route checks it too, should a hook be missed).
export function registerDocumentRemoval(services: Services, hooks: Hooks): void {
    hooks.onPostFilesChanged(async (postId, fileIds) => {
        try {
            await services.live.checkFiles(fileIds);
        } catch (err) {
            services.state.log.warn('Checking the documents of a changed post failed; they are checked again when next asked for', {post_id: postId, error: err instanceof Error ? err.message : String(err)});
        }
    });
}

// The cleanup job runs a minute after each activation and then daily, on every node; its KV
// mutex lets one node at a time do the work.
const CLEANUP_FIRST_MS = 60_000;
const CLEANUP_EVERY_MS = 24 * 60 * 60_000;

export function registerCleanup(services: Services, hooks: Hooks): void {
    const runLogged = (): void => {
        services.cleanup.run().catch((err: unknown) => services.state.log.warn('Cleanup failed; it runs again later', {error: err instanceof Error ? err.message : String(err)}));
    };
    let scheduled = false;
    hooks.onActivated(async () => {
        if (scheduled) {
            return;
        }
        scheduled = true;
        setTimeout(runLogged, CLEANUP_FIRST_MS).unref();
        setInterval(runLogged, CLEANUP_EVERY_MS).unref();
    });
}
