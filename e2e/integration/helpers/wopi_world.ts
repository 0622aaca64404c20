// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The Collabora side of the WOPI and rights tests: each test file starts its own Collabora
// stand-in on 127.0.0.1, points the plugin at it through Mattermost's config API (as an admin
// does in the System Console), opens documents through the plugin's REST API as real users, and
// plays Collabora with CollaboraSession against the WOPISrc the editor URL carries.

import {CollaboraSession, startCollaboraStandIn} from '../../collabora';
import type {CollaboraStandIn, SessionOptions} from '../../collabora';
import {waitFor} from '../../stack/mm_client';
import {setPluginSettings} from '../../stack/plugin_settings';
import {clientAs, readStack, requirePlugin} from '../../stack/stack';

import type {TestUser} from './mm_world';

export type OpenMode = 'view' | 'edit';

// What POST /api/v1/files/{fileId}/open answers.
export interface EditorSession {
    actionUrl: string;
    accessToken: string;
    accessTokenTtl: number;
    mode: OpenMode;
    docId: string;
    fileName: string;
    postMessageOrigin: string;
}

// What GET /api/v1/files/{fileId}/rights (and PUT .../policy) answers.
export interface FileRights {
    canView: boolean;
    canEdit: boolean;
    reason: string;
    policy: string;
    canChangePolicy: boolean;
}

export interface ApiAnswer<T> {
    status: number;
    body: T;
}

export interface WopiWorld {
    standIn: CollaboraStandIn;
    pluginId: string;
    close: () => Promise<void>;
}

// The settings every WOPI test file starts from, whatever an earlier file left behind.
const BASELINE_SETTINGS = {
    EnforceProofKeys: true,
    CollaboraAllowList: '',
    TokenTtlMinutes: 600,
    DefaultEditPolicy: 'channel',
    EditSummaries: true,
    WopiBaseUrl: '',
    CollaboraInternalUrl: '',
    // The test knobs of the compressed clock, back to the real lifetimes.
    LockTtlSeconds: 1800,
    TokenTtlSeconds: 0,
    RevisionSessionsKept: 20,
    RevisionDaysKept: 365,
};

export function apiPath(fileId: string, action: 'open' | 'rights' | 'policy'): string {
    return `/plugins/${requirePlugin().id}/api/v1/files/${fileId}/${action}`;
}

// The files that compress the clock put the real lifetimes back for the files after them.
export async function restoreClockKnobs(): Promise<void> {
    await setPluginSettings(clientAs('admin'), requirePlugin().id, {LockTtlSeconds: BASELINE_SETTINGS.LockTtlSeconds, TokenTtlSeconds: BASELINE_SETTINGS.TokenTtlSeconds});
}

// Starts a stand-in and makes the plugin use it; resolves once the sidecar has read the new
// setting and fetched the stand-in's discovery (so /open works at once).
export async function startWopiWorld(settings: Record<string, unknown> = {}): Promise<WopiWorld> {
    const standIn = await startCollaboraStandIn();
    const pluginId = requirePlugin().id;
    const admin = clientAs('admin');
    await setPluginSettings(admin, pluginId, {...BASELINE_SETTINGS, ...settings, CollaboraUrl: standIn.url});
    await waitFor('the sidecar to use the Collabora stand-in', async () => {
        const config = await admin.request<{collaboraUrl: string; formats: Record<string, unknown>}>('GET', `/plugins/${pluginId}/api/v1/client_config`);
        return config.collaboraUrl === standIn.url && Object.keys(config.formats).length > 0 ? true : undefined;
    }, 15_000, 200);
    return {
        standIn,
        pluginId,
        close: async () => {
            await standIn.close();
        },
    };
}

async function answer<T>(res: Response): Promise<ApiAnswer<T>> {
    const text = await res.text();
    let body: unknown = text;
    try {
        body = JSON.parse(text);
    } catch {
        // Not JSON: keep the text for the failure message.
    }
    return {status: res.status, body: body as T};
}

export async function openFile(user: TestUser, fileId: string, mode: OpenMode): Promise<ApiAnswer<EditorSession>> {
    return answer<EditorSession>(await user.client.fetch('POST', apiPath(fileId, 'open'), {body: {mode}}));
}

// /open that must succeed: the failure message shows what the API said.
export async function mustOpen(user: TestUser, fileId: string, mode: OpenMode): Promise<EditorSession> {
    const opened = await openFile(user, fileId, mode);
    if (opened.status !== 200) {
        throw new Error(`/open as ${user.username} answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    }
    return opened.body;
}

export async function getRights(user: TestUser, fileId: string): Promise<ApiAnswer<FileRights>> {
    return answer<FileRights>(await user.client.fetch('GET', apiPath(fileId, 'rights')));
}

export async function putPolicy(user: TestUser, fileId: string, policy: string): Promise<ApiAnswer<FileRights>> {
    return answer<FileRights>(await user.client.fetch('PUT', apiPath(fileId, 'policy'), {body: {policy}}));
}

// The WOPISrc the editor URL carries (URI-encoded in its WOPISrc parameter).
export function wopiSrcOf(actionUrl: string): string {
    const src = new URL(actionUrl).searchParams.get('WOPISrc');
    if (!src) {
        throw new Error(`no WOPISrc in ${actionUrl}`);
    }
    return src;
}

// The WOPISrc every user of a document must get.
export function expectedWopiSrc(docId: string): string {
    return `${readStack().url}/plugins/${requirePlugin().id}/wopi/files/${docId}`;
}

// Collabora's side of one editor session, as coolwsd would run it for the URL /open gave.
export function collaboraFor(world: WopiWorld, opened: EditorSession, extra: Partial<SessionOptions> = {}): CollaboraSession {
    return new CollaboraSession({
        wopiSrc: wopiSrcOf(opened.actionUrl),
        accessToken: opened.accessToken,
        accessTokenTtl: opened.accessTokenTtl,
        permission: opened.mode === 'edit' ? 'edit' : 'readonly',
        signer: world.standIn.signer,
        ...extra,
    });
}

// Another user joining a document Collabora already has open: coolwsd keeps one DocumentBroker
// per WOPISrc, so the joiner's calls carry the joiner's token but the document's one lock.
export class JoinedSession extends CollaboraSession {
    override readonly lockId: string;

    constructor(options: SessionOptions, first: CollaboraSession) {
        super(options);
        this.lockId = first.lockId;
        this.lastModifiedTime = first.lastModifiedTime;
    }
}

export function joinSession(world: WopiWorld, opened: EditorSession, first: CollaboraSession, extra: Partial<SessionOptions> = {}): JoinedSession {
    return new JoinedSession({
        wopiSrc: wopiSrcOf(opened.actionUrl),
        accessToken: opened.accessToken,
        accessTokenTtl: opened.accessTokenTtl,
        permission: opened.mode === 'edit' ? 'edit' : 'readonly',
        signer: world.standIn.signer,
        ...extra,
    }, first);
}

export interface CheckFileInfo {
    BaseFileName: string;
    Size: number;
    Version: string;
    OwnerId: string;
    UserId: string;
    UserCanWrite: boolean;
    UserCanNotWriteRelative: boolean;
    UserCanRename: boolean;
    LastModifiedTime: string;
    SupportsLocks: boolean;
}

// CheckFileInfo that must answer 200.
export async function fileInfoOf(session: CollaboraSession): Promise<CheckFileInfo> {
    const res = await session.checkFileInfo();
    if (res.status !== 200) {
        throw new Error(`CheckFileInfo answered ${res.status}: ${res.text()}`);
    }
    return res.json() as CheckFileInfo;
}

// What the host stores now: GetFile through a session that may read the document.
export async function storedBytes(session: CollaboraSession): Promise<Buffer> {
    const res = await session.getFile();
    if (res.status !== 200) {
        throw new Error(`GetFile answered ${res.status}: ${res.text()}`);
    }
    return res.body;
}
