// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import {CollaboraSession} from './collabora_session';
import type {ProofSigner} from './proof_signer';
import type {WopiResponse} from './wopi_http';

// One document as coolwsd keeps it open for hours (COOL:wsd/DocumentBroker.cpp, one
// DocumentBroker per WOPISrc): views join and leave, one lock token for the document's whole
// life, the lock refreshed on a timer from the session Collabora picks, autosaves and idle saves
// on timers, an exit save and Unlock when the last view leaves. Collabora's own timestamp is the
// document's, not a view's. Timers run on the real clock, shortened by `times`, because the
// host's lock and token lifetimes run on it too (the test stack shortens those alike).

export interface DocumentTimes {
    // storage.wopi.locking.refresh, 900 s by default (COOL:coolwsd.xml.in).
    lockRefreshMs: number;
    // per_document.autosave_duration_secs, 300 s by default.
    autosaveMs: number;
    // per_document.idlesave_duration_secs, 30 s by default.
    idleSaveMs: number;
    // How often the broker's poll loop wakes.
    pollMs: number;
}

export interface DocumentOptions {
    wopiSrc: string;
    signer: ProofSigner | null;
    times: DocumentTimes;
    // Builds before updateStorageLockState refused read-only sessions sent LOCK from them too.
    lockFromReadOnly?: boolean;
}

// What the host's /open gave the browser of one view.
export interface ViewAccess {
    accessToken: string;
    accessTokenTtl: number;
    mode: 'view' | 'edit';
}

export type DocumentCall = 'CheckFileInfo' | 'Lock' | 'RefreshLock' | 'GetFile' | 'PutFile' | 'RenameFile' | 'Unlock';

export interface DocumentEvent {
    at: number;
    call: DocumentCall;
    view: string;
    status: number;
    autosave?: boolean;
    exitSave?: boolean;
    // The content a PutFile sent.
    bytes?: Buffer;
}

interface View {
    id: string;
    session: CollaboraSession;
    isOwner: boolean;
    readOnly: boolean;
    // Set when the host answered 401/403/404 to an upload with this view's token
    // (COOL:wsd/DocumentBroker.cpp, handleUploadToStorageResponse invalidates it).
    tokenRefused: boolean;
}

export class CollaboraDocument {
    // "cool-lock" + random hex, one per DocumentBroker (COOL:wsd/Storage.cpp, LockContext).
    readonly lockId = `cool-lock${randomBytes(8).toString('hex')}`;
    readonly events: DocumentEvent[] = [];
    content: Buffer = Buffer.alloc(0);
    // The LastModifiedTime Collabora holds: from the first CheckFileInfo, then from each
    // successful PutFile's JSON body; a rename does not change it (COOL:wsd/wopi/WopiStorage.cpp).
    timestamp: string | null = null;
    private readonly views = new Map<string, View>();
    private locked = false;
    private lastLockAt = 0;
    private modified = false;
    private lastActivityAt = 0;
    private lastSaveAt = 0;
    private lastEditingView: string | null = null;
    private timer: NodeJS.Timeout | null = null;
    // One activity at a time, as the broker's poll thread does.
    private queue: Promise<unknown> = Promise.resolve();

    constructor(private readonly options: DocumentOptions) {}

    private run<T>(activity: () => Promise<T>): Promise<T> {
        const next = this.queue.then(activity);
        this.queue = next.catch(() => undefined);
        return next;
    }

    private record(call: DocumentCall, view: View, res: WopiResponse, extra: Partial<DocumentEvent> = {}): WopiResponse {
        this.events.push({at: Date.now(), call, view: view.id, status: res.status, ...extra});
        return res;
    }

    // Collabora learns that a token expired from the host's 401 (Authorization::expire), not
    // from access_token_ttl, which only the browser reads (COOL:common/Authorization.hpp).
    private expired(view: View): boolean {
        return view.tokenRefused;
    }

    // getWriteableSession (COOL:wsd/DocumentBroker.cpp): the first view, replaced by any loaded,
    // editable view with a valid token; but the document owner's view wins outright, even a
    // read-only one ("FIXME: can the owner be read-only?").
    private writeableView(): View | null {
        let chosen: View | null = null;
        for (const view of this.views.values()) {
            if (!chosen || (!view.readOnly && !this.expired(view))) {
                chosen = view;
            }
            if (view.isOwner) {
                return view;
            }
        }
        return chosen;
    }

    // A view joins: CheckFileInfo with its token; the first editable view locks before the
    // download (lockIfEditing, COOL:wsd/DocumentBroker.hpp); only the first view downloads.
    // A failed LOCK leaves the view read-only without a word (COOL:wsd/DocumentBroker.cpp).
    join(id: string, access: ViewAccess): Promise<{readOnly: boolean}> {
        return this.run(async () => {
            const session = new CollaboraSession({
                wopiSrc: this.options.wopiSrc, accessToken: access.accessToken, accessTokenTtl: access.accessTokenTtl,
                permission: access.mode === 'edit' ? 'edit' : 'readonly', signer: this.options.signer, lockId: this.lockId,
            });
            const info = this.record('CheckFileInfo', {id} as View, await session.checkFileInfo());
            if (info.status !== 200) {
                throw new Error(`CheckFileInfo for ${id} answered ${info.status}: ${info.text()}`);
            }
            const fields = info.json() as {UserCanWrite: boolean; UserId: string; OwnerId: string; LastModifiedTime: string};
            const view: View = {id, session, isOwner: fields.UserId === fields.OwnerId, readOnly: !fields.UserCanWrite || access.mode !== 'edit', tokenRefused: false};
            const first = this.views.size === 0;
            this.views.set(id, view);
            if (!view.readOnly && !this.locked) {
                const res = this.record('Lock', view, await session.lock());
                this.locked = res.status === 200;
                this.lastLockAt = Date.now();
                view.readOnly = !this.locked;
            }
            if (first) {
                this.timestamp = fields.LastModifiedTime;
                const got = this.record('GetFile', view, await session.getFile());
                if (got.status !== 200) {
                    throw new Error(`GetFile answered ${got.status}`);
                }
                this.content = got.body;
                this.start();
            }
            return {readOnly: view.readOnly};
        });
    }

    // A person types in a view. Read-only views cannot.
    edit(id: string, text: string): void {
        const view = this.mustView(id);
        if (view.readOnly) {
            throw new Error(`view ${id} is read-only`);
        }
        this.content = Buffer.concat([this.content, Buffer.from(text)]);
        this.modified = true;
        this.lastActivityAt = Date.now();
        this.lastEditingView = id;
    }

    // The host's Reset_Access_Token for one view.
    resetAccessToken(id: string, access: ViewAccess): void {
        const view = this.mustView(id);
        view.session.resetAccessToken(access.accessToken);
        view.tokenRefused = false;
    }

    // An explicit save (toolbar, Action_Save): not an autosave.
    save(id: string): Promise<WopiResponse | null> {
        return this.run(() => this.upload(this.mustView(id), {autosave: false, exit: false}));
    }

    // A rename from the document-name field: the pending save first, then RenameFile; the
    // timestamp is left as it was, then every view reloads (COOL:wsd/DocumentBroker.cpp,
    // startRenameFileCommand and the "reloadafterrename" close).
    rename(id: string, nameWithoutExtension: string): Promise<WopiResponse> {
        return this.run(async () => {
            const view = this.mustView(id);
            if (this.modified) {
                await this.upload(view, {autosave: false, exit: false});
            }
            return this.record('RenameFile', view, await view.session.renameFile(nameWithoutExtension));
        });
    }

    // A view leaves; after the last one the document is saved on exit if modified, and unlocked
    // (COOL:wsd/DocumentBroker.cpp, autoSaveAndStop then the unlock on unload).
    leave(id: string): Promise<void> {
        return this.run(async () => {
            const view = this.mustView(id);
            if (this.views.size > 1) {
                // The last editable view to leave saves first: the views left cannot
                // (COOL:wsd/DocumentBroker.cpp, removeSession, "last editable session").
                const lastEditable = !view.readOnly && ![...this.views.values()].some((v) => v !== view && !v.readOnly);
                if (lastEditable && this.modified) {
                    await this.upload(view, {autosave: false, exit: false});
                }
                this.views.delete(id);
                return;
            }
            this.stop();
            if (this.modified) {
                await this.upload(view, {autosave: false, exit: true});
            }
            if (this.locked && !this.expired(view)) {
                this.record('Unlock', view, await view.session.unlock());
                this.locked = false;
            }
            this.views.delete(id);
        });
    }

    // Stops the timers without the exit path: a crashed Collabora, whose lock stays behind.
    crash(): void {
        this.stop();
        this.views.clear();
    }

    private start(): void {
        this.timer = setInterval(() => {
            void this.run(() => this.poll()).catch(() => undefined);
        }, this.options.times.pollMs).unref();
    }

    private stop(): void {
        if (this.timer) {
            clearInterval(this.timer);
            this.timer = null;
        }
    }

    // The poll loop's timers (COOL:wsd/DocumentBroker.cpp, pollThread): the lock refresh, then
    // autoSave's idle save and periodic autosave.
    private async poll(): Promise<void> {
        const now = Date.now();
        const {lockRefreshMs, autosaveMs, idleSaveMs} = this.options.times;
        if (this.locked && now - this.lastLockAt >= lockRefreshMs) {
            this.lastLockAt = now;
            await this.refreshLock();
        }
        if (!this.modified) {
            return;
        }
        const sinceSave = now - this.lastSaveAt;
        const idle = now - this.lastActivityAt >= idleSaveMs && sinceSave >= idleSaveMs;
        if (idle || sinceSave >= autosaveMs) {
            const last = this.lastEditingView ? this.views.get(this.lastEditingView) : undefined;
            const view = last && !last.readOnly && !this.expired(last) ? last : this.writeableView();
            if (view) {
                await this.upload(view, {autosave: true, exit: false});
            }
        }
    }

    // refreshLock: LOCK again with the same token from the writeable view, unless its token
    // expired; current builds refuse to LOCK from a read-only view (updateStorageLockState).
    private async refreshLock(): Promise<void> {
        const view = this.writeableView();
        if (!view || this.expired(view) || (view.readOnly && this.options.lockFromReadOnly !== true)) {
            return;
        }
        this.record('RefreshLock', view, await view.session.refreshLock());
    }

    // One upload (COOL:wsd/wopi/WopiStorage.cpp, uploadLocalFileToStorageAsync): the document's
    // timestamp, the lock token, the save flags; a 200 brings the new timestamp.
    private async upload(view: View, kind: {autosave: boolean; exit: boolean}): Promise<WopiResponse | null> {
        const bytes = this.content;
        const res = await view.session.putFile(bytes, {isAutosave: kind.autosave, isExitSave: kind.exit, isModifiedByUser: this.modified, timestamp: this.timestamp});
        this.record('PutFile', view, res, {autosave: kind.autosave, exitSave: kind.exit, bytes});
        this.lastSaveAt = Date.now();
        if (res.status === 200) {
            const json = res.json() as {LastModifiedTime?: string} | undefined;
            this.timestamp = json?.LastModifiedTime ?? this.timestamp;
            this.modified = !this.content.equals(bytes);
        } else if ([401, 403, 404].includes(res.status)) {
            view.tokenRefused = true;
        }
        return res;
    }

    private mustView(id: string): View {
        const view = this.views.get(id);
        if (!view) {
            throw new Error(`no view ${id}`);
        }
        return view;
    }
}
