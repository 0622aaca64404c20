// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// What the stress tests share: the running stack (e2e/stack), the plugin's REST API as the
// webapp calls it, documents as Mattermost stores them (bytes and SHA-256 through Mattermost's
// own file API), the sidecar's process, and the server's log files.

import {createHash} from 'node:crypto';
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';

import {MattermostClient, waitFor} from '../stack/mm_client';
import {getHealth, waitForHealth} from '../stack/plugin_health';
import {setPluginSettings} from '../stack/plugin_settings';
import {findSidecars} from '../stack/processes';
import {clientAs, pluginDir, readStack, requirePlugin, type UserKey} from '../stack/stack';

import type {ControlledCollabora} from './discovery_control';
import {WopiSession, type WopiTarget} from './wopi_client';

export const pluginId = (): string => requirePlugin().id;
export const apiPath = (suffix: string): string => `/plugins/${pluginId()}/api/v1${suffix}`;

// Where the stack keeps its pid files (stack.json sits in it).
export function stackStateDir(): string {
    return dirname(process.env.STACK_JSON ?? join(__dirname, '..', '.stack', 'stack.json'));
}

export function fileId(key: string): string {
    const file = readStack().files[key];
    if (!file) {
        throw new Error(`no seeded file ${key}`);
    }
    return file.id;
}

// Points the plugin at the stand-in with proof keys enforced, and waits until the sidecar runs
// with those settings and has fetched its discovery.
export async function useCollabora(collabora: ControlledCollabora, extra: Record<string, unknown> = {}): Promise<void> {
    const admin = clientAs('admin');
    const firstUse = collabora.discoveryRequests === 0;
    await setPluginSettings(admin, pluginId(), {CollaboraUrl: collabora.url, CollaboraInternalUrl: '', EnforceProofKeys: true, CollaboraAllowList: '', ...extra});
    await waitFor('the plugin to use the stand-in\'s discovery', async () => {
        const res = await admin.fetch('GET', apiPath('/client_config'));
        const body = await res.json() as {collaboraUrl?: string; formats?: Record<string, unknown>};
        // Formats alone could come from a cache; a new stand-in must have been asked.
        const fetched = !firstUse || collabora.discoveryRequests > 0;
        return res.status === 200 && body.collaboraUrl === collabora.url && body.formats?.docx !== undefined && fetched ? true : undefined;
    }, 20_000, 250);
}

export interface OpenAnswer {
    status: number;
    body: {accessToken?: string; accessTokenTtl?: number; mode?: string; docId?: string; fileName?: string; code?: string; error?: string};
}

export async function openFile(user: UserKey | MattermostClient, id: string, mode: 'view' | 'edit'): Promise<OpenAnswer> {
    const client = typeof user === 'string' ? clientAs(user) : user;
    const res = await client.fetch('POST', apiPath(`/files/${id}/open`), {body: {mode}});
    const text = await res.text();
    try {
        return {status: res.status, body: JSON.parse(text) as OpenAnswer['body']};
    } catch {
        return {status: res.status, body: {error: text}};
    }
}

export function wopiTarget(collabora: ControlledCollabora, nodeUrl?: string): WopiTarget {
    return {siteUrl: readStack().url, nodeUrl, pluginId: pluginId(), signer: collabora.signer};
}

// Opens a file through the REST API (as the webapp) and returns the Collabora session for it.
export async function openSession(user: UserKey, id: string, mode: 'view' | 'edit', collabora: ControlledCollabora): Promise<WopiSession> {
    const opened = await openFile(user, id, mode);
    if (opened.status !== 200 || !opened.body.accessToken || !opened.body.docId) {
        throw new Error(`open ${id} as ${user} answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    }
    if (opened.body.mode !== mode) {
        throw new Error(`open ${id} as ${user} gave a ${opened.body.mode} session, not ${mode}`);
    }
    return new WopiSession(wopiTarget(collabora), opened.body.docId, opened.body.accessToken, opened.body.accessTokenTtl ?? 0);
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

// The bytes Mattermost serves for a file id (GET /api/v4/files/{id}, as an admin).
export async function fileBytes(id: string, client: MattermostClient = clientAs('admin')): Promise<Buffer> {
    const res = await client.fetch('GET', `/api/v4/files/${id}`);
    if (res.status !== 200) {
        throw new Error(`GET /api/v4/files/${id} answered ${res.status}`);
    }
    return Buffer.from(await res.arrayBuffer());
}

interface RevisionEntry {fileId: string; size: number; current: boolean; createdAt: number}

export async function revisions(id: string, client: MattermostClient = clientAs('admin')): Promise<RevisionEntry[]> {
    const res = await client.fetch('GET', apiPath(`/files/${id}/revisions`));
    if (res.status !== 200) {
        throw new Error(`revisions of ${id} answered ${res.status}: ${await res.text()}`);
    }
    return (await res.json() as {revisions: RevisionEntry[]}).revisions;
}

export interface DocumentSnapshot {
    currentFileId: string;
    revisionCount: number;
    sha256: string;
    size: number;
}

// A document as Mattermost stores it: its current revision, fetched through the file API.
export async function snapshot(id: string): Promise<DocumentSnapshot> {
    const revs = await revisions(id);
    const current = revs.find((r) => r.current);
    if (!current) {
        throw new Error(`document ${id} has no current revision`);
    }
    const bytes = await fileBytes(current.fileId);
    return {currentFileId: current.fileId, revisionCount: revs.length, sha256: sha256(bytes), size: bytes.length};
}

// Every seeded file, as Mattermost serves it, every document's current revision, and every
// channel's posts (how many, and the newest): a request that must change nothing may not add a
// document (PutRelative, a new document) or a post either.
export async function storeFingerprint(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const admin = clientAs('admin');
    for (const [key, channel] of Object.entries(readStack().channels)) {
        const posts = await admin.request<{order: string[]}>('GET', `/api/v4/channels/${channel.id}/posts?per_page=200`);
        out[`posts:${key}`] = `${posts.order.length}:${posts.order[0] ?? ''}`;
    }
    for (const [key, file] of Object.entries(readStack().files)) {
        out[`file:${key}`] = sha256(await fileBytes(file.id));
    }
    for (const key of Object.keys(readStack().files)) {
        const snap = await snapshot(fileId(key)).catch(() => null);
        if (snap) {
            out[`doc:${key}`] = `${snap.currentFileId}:${snap.revisionCount}:${snap.sha256}`;
        }
    }
    return out;
}

export function sidecarPid(): number {
    const found = findSidecars(pluginDir());
    if (found.length !== 1) {
        throw new Error(`expected one sidecar, found ${found.length}`);
    }
    return found[0].pid;
}

export async function expectHealthy(): Promise<void> {
    const answer = await getHealth(new MattermostClient(readStack().url), pluginId());
    if (answer.status !== 200 || answer.body?.status !== 'ok') {
        throw new Error(`sidecar health answered ${answer.status}`);
    }
}

export async function waitHealthy(timeoutMs = 30_000): Promise<void> {
    await waitForHealth(new MattermostClient(readStack().url), pluginId(), timeoutMs);
}

// Every log file the stack (and any extra node) wrote: Mattermost's JSON log with the
// sidecar's lines in it, and the console output.
export function logFiles(extraDirs: string[] = []): string[] {
    const dirs = [readStack().log_dir, ...extraDirs];
    const files: string[] = [];
    const walk = (dir: string): void => {
        if (!existsSync(dir)) {
            return;
        }
        for (const name of readdirSync(dir)) {
            const path = join(dir, name);
            const st = statSync(path);
            if (st.isDirectory()) {
                walk(path);
            } else if (st.isFile()) {
                files.push(path);
            }
        }
    };
    dirs.forEach(walk);
    return files;
}

export function readLogs(extraDirs: string[] = []): string {
    return logFiles(extraDirs).map((f) => readFileSync(f, 'latin1')).join('\n');
}

// The secrets that must never be written: whole tokens, and their unguessable signature part
// (a token cut in two would still leak it).
export function secretNeedles(secret: string): string[] {
    const parts = secret.split('.');
    return parts.length === 3 ? [secret, parts[2]] : [secret];
}

// Mattermost itself tries every plugin request's access_token (and Bearer header) as one of its
// session tokens, and when that fails writes the token into this DEBUG line
// (app/plugin_requests.go, app.GetSession's error). The plugin cannot prevent that; it is
// reported apart and never at INFO or above.
export const MATTERMOST_INVALID_TOKEN_DEBUG = 'Token in plugin request is invalid. Treating request as unauthenticated';

export interface SecretScan {
    // Lines that hold a secret, outside Mattermost's own DEBUG line above.
    leaks: string[];
    mattermostDebugLines: number;
}

export function scanLogsForSecrets(secrets: string[], extraDirs: string[] = []): SecretScan {
    const needles = [...new Set(secrets)].flatMap(secretNeedles).filter((n) => n.length >= 16);
    const forms = needles.flatMap((n) => [n, encodeURIComponent(n)]);
    const scan: SecretScan = {leaks: [], mattermostDebugLines: 0};
    for (const file of logFiles(extraDirs)) {
        for (const line of readFileSync(file, 'latin1').split('\n')) {
            const hit = forms.find((f) => line.includes(f));
            if (hit === undefined) {
                continue;
            }
            let entry: {level?: unknown; msg?: unknown} = {};
            try {
                entry = JSON.parse(line) as typeof entry;
            } catch {
                // Console output and other plain lines.
            }
            if (entry.level === 'debug' && entry.msg === MATTERMOST_INVALID_TOKEN_DEBUG) {
                scan.mattermostDebugLines++;
            } else {
                scan.leaks.push(`${file.split('/').pop()}: ${line.replace(hit, `${hit.slice(0, 8)}…`).slice(0, 300)}`);
            }
        }
    }
    return scan;
}

// The session tokens and CSRF tokens of every seeded user: the tests use them all.
export function sessionSecrets(): string[] {
    return Object.values(readStack().users).flatMap((u) => [u.token, u.csrf]).filter((s) => s.length >= 16);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
