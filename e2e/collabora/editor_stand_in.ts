// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHash, randomBytes} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';

import {startCollaboraStandIn} from './collabora_server';
import type {CollaboraStandIn, StandInOptions} from './collabora_server';
import {CollaboraSession} from './collabora_session';
import {editorPageHtml} from './editor_page_html';

// The editor half of the Collabora stand-in: what coolwsd serves at the discovery urlsrc
// (<url>/browser/<hash>/cool.html?WOPISrc=...). The browser form-POSTs access_token and
// access_token_ttl there (wopi-collabora.md 2.1); the page then asks this server to load the
// document, and this server makes the WOPI calls Collabora makes, proof-signed, from its own side
// (3.1): CheckFileInfo, Lock (first editing view), GetFile (first view); PutFile on save; when the
// last view of a document leaves (its event stream closes, as Collabora notices a closed
// WebSocket): an exit PutFile if changes are unsaved, then Unlock.
// The stand-in's "document" is the bytes GetFile returned followed by the text typed into the page.
// The host page may hand a view a fresh token (PostMessage Reset_Access_Token): the page passes it
// here as Collabora's browser side passes `resetaccesstoken` to wsd, and the view's later WOPI calls
// carry it (CollaboraSession.resetAccessToken cites the source). Each WOPI event names the token it
// was made with by a fingerprint, so tests can tell which token a save landed with.

// Short, stable and not the secret itself.
export function tokenFingerprint(token: string): string {
    return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

export type EditorEvent =
    | {type: 'wopi'; call: 'CheckFileInfo' | 'Lock' | 'GetFile' | 'PutFile' | 'Unlock'; status: number; docKey: string; view: string; token: string; exitSave?: boolean}
    | {type: 'view_opened' | 'view_closed'; docKey: string; view: string; mode: 'edit' | 'view'}
    | {type: 'token_reset'; docKey: string; view: string; token: string};

type DocState = {
    key: string;
    views: Set<string>;
    content: Buffer | null;

    // The session that took the lock; Collabora unlocks with it when the last view leaves.
    lockSession: CollaboraSession | null;
    lockedBy: string;

    // What the views typed (one text per document) and what of it PutFile last stored.
    text: string;
    savedText: string;

    // The last view left and the unlock is under way: a view opening now starts a new document.
    closing: boolean;
};

type View = {
    id: string;
    docKey: string;
    doc: DocState;
    session: CollaboraSession;
    permission: string;
    mode: 'edit' | 'view';
    userId: string;
    userName: string;
    loaded: boolean;
    closed: boolean;
};

export type EditorStandIn = CollaboraStandIn & {
    events: EditorEvent[];

    // The bytes of the last successful PutFile per WOPISrc (without query).
    saved: Map<string, Buffer>;
    // Resolves with the first matching event at index `from` or later, now or when it comes.
    waitForEvent: (predicate: (event: EditorEvent) => boolean, options?: {timeoutMs?: number; from?: number}) => Promise<EditorEvent>;
};

function readBody(req: IncomingMessage): Promise<Buffer> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, {'Content-Type': 'application/json', 'Cache-Control': 'no-store'});
    res.end(JSON.stringify(body));
}

function record(value: unknown): Record<string, unknown> {
    return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
}

export async function startCollaboraEditorStandIn(options: Omit<StandInOptions, 'handle'> = {}): Promise<EditorStandIn> {
    const events: EditorEvent[] = [];
    const saved = new Map<string, Buffer>();
    const docs = new Map<string, DocState>();
    const views = new Map<string, View>();
    const waiters: Array<{predicate: (e: EditorEvent) => boolean; resolve: (e: EditorEvent) => void}> = [];

    const emit = (event: EditorEvent) => {
        events.push(event);
        for (const w of [...waiters]) {
            if (w.predicate(event)) {
                waiters.splice(waiters.indexOf(w), 1);
                w.resolve(event);
            }
        }
    };

    const docOf = (view: View): DocState => view.doc;
    // `session`: the one that made the call (the exit save and unlock use the lock holder's).
    const wopi = (view: View, call: Extract<EditorEvent, {type: 'wopi'}>['call'], status: number, session: CollaboraSession, exitSave?: boolean) => {
        emit({type: 'wopi', call, status, docKey: view.docKey, view: view.id, token: tokenFingerprint(session.accessToken), ...(exitSave === undefined ? {} : {exitSave})});
    };

    // What Views_List / Get_Views_Resp carry (COOL browser/src/map/handler/Map.WOPI.js,
    // _postViewsMessage); a view whose LOCK failed is ReadOnly (COOL wsd/ClientSession.cpp setLockFailed).
    const viewsList = (current: View) => [...current.doc.views].map((id) => views.get(id)).
        filter((v): v is View => v !== undefined && v.loaded).
        map((v) => ({ViewId: v.id, UserId: v.userId, UserName: v.userName, ReadOnly: v.mode !== 'edit', IsCurrentView: v.id === current.id}));

    const putFile = async (view: View, session: CollaboraSession, exitSave: boolean) => {
        const doc = docOf(view);
        const text = doc.text;
        const body = Buffer.concat([doc.content ?? Buffer.alloc(0), Buffer.from(text, 'utf8')]);
        const res = await session.putFile(body, {isModifiedByUser: true, isExitSave: exitSave});
        wopi(view, 'PutFile', res.status, session, exitSave);
        if (res.status === 200) {
            doc.savedText = text;
            saved.set(doc.key.split('?')[0], body);
        }
        return {status: res.status, size: body.length, body: res.text().slice(0, 300)};
    };

    // The last view left: save what is unsaved, then give the lock back (3.1 row 10).
    const leave = async (view: View) => {
        if (view.closed) {
            return;
        }
        view.closed = true;
        const doc = docOf(view);
        doc.views.delete(view.id);
        emit({type: 'view_closed', docKey: view.docKey, view: view.id, mode: view.mode});
        if (doc.views.size > 0) {
            return;
        }
        doc.closing = true;
        try {
            if (doc.text !== doc.savedText && doc.lockSession !== null) {
                await putFile(view, doc.lockSession, true);
            }
            if (doc.lockSession !== null) {
                const res = await doc.lockSession.unlock();
                wopi(view, 'Unlock', res.status, doc.lockSession);
            }
        } finally {
            if (docs.get(doc.key) === doc) {
                docs.delete(doc.key);
            }
        }
    };

    const load = async (view: View, res: ServerResponse) => {
        const doc = docOf(view);
        const info = await view.session.checkFileInfo();
        wopi(view, 'CheckFileInfo', info.status, view.session);
        if (info.status !== 200) {
            sendJson(res, 200, {ok: false, call: 'CheckFileInfo', status: info.status, error: info.text().slice(0, 300)});
            return;
        }
        const cfi = record(info.json());
        const canWrite = cfi.UserCanWrite === true && view.permission !== 'readonly' && view.permission !== 'view';
        let locked = doc.lockSession !== null;
        let lockError = '';
        if (canWrite && doc.lockSession === null && view.session.supportsLocks) {
            const lock = await view.session.lock();
            wopi(view, 'Lock', lock.status, view.session);
            if (lock.status === 200) {
                doc.lockSession = view.session;
                doc.lockedBy = view.id;
                locked = true;
            } else {
                lockError = `Lock answered ${lock.status}`;
            }
        }
        if (doc.content === null) {
            const file = await view.session.getFile();
            wopi(view, 'GetFile', file.status, view.session);
            if (file.status !== 200) {
                sendJson(res, 200, {ok: false, call: 'GetFile', status: file.status, error: file.text().slice(0, 300)});
                return;
            }
            doc.content = file.body;
        }
        // A refused LOCK leaves the session read-only without a word to the user: wsd logs the reason
        // and tells only the browser (COOL wsd/ClientSession.cpp setLockFailed -> "perm: readonly").
        view.mode = canWrite && lockError === '' ? 'edit' : 'view';
        view.userId = String(cfi.UserId ?? '');
        view.userName = String(cfi.UserFriendlyName ?? '');
        view.loaded = true;
        emit({type: 'view_opened', docKey: view.docKey, view: view.id, mode: view.mode});
        sendJson(res, 200, {
            ok: true,
            fileName: String(cfi.BaseFileName ?? ''),
            size: doc.content.length,
            userName: String(cfi.UserFriendlyName ?? ''),
            postMessageOrigin: String(cfi.PostMessageOrigin ?? ''),
            mode: view.mode,
            locked,
            lockError,
            text: doc.text,
            views: viewsList(view),
        });
    };

    const handleSession = async (req: IncomingMessage, res: ServerResponse, id: string, action: string) => {
        const view = views.get(id);
        if (view === undefined) {
            sendJson(res, 404, {ok: false, error: 'no such view'});
            return;
        }
        if (req.method === 'GET' && action === 'events') {
            // Held open for the life of the page: its closing is the view leaving.
            res.writeHead(200, {'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store'});
            res.write('event: hello\ndata: {}\n\n');
            const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
            req.on('close', () => {
                clearInterval(ping);
                void leave(view).catch((err: unknown) => console.error(`[collabora stand-in] leave failed: ${String(err)}`));
            });
            return;
        }
        const body = record(JSON.parse((await readBody(req)).toString('utf8') || '{}'));
        if (action === 'load') {
            await load(view, res);
        } else if (action === 'type') {
            const doc = docOf(view);
            if (view.mode === 'edit' && typeof body.text === 'string') {
                doc.text = body.text;
            }
            sendJson(res, 200, {ok: true, modified: doc.text !== doc.savedText});
        } else if (action === 'token') {
            if (typeof body.token !== 'string' || body.token === '') {
                sendJson(res, 400, {ok: false, error: 'token missing'});
                return;
            }
            view.session.resetAccessToken(body.token);
            emit({type: 'token_reset', docKey: view.docKey, view: view.id, token: tokenFingerprint(body.token)});
            sendJson(res, 200, {ok: true});
        } else if (action === 'views') {
            sendJson(res, 200, {ok: true, views: viewsList(view)});
        } else if (action === 'save') {
            const doc = docOf(view);
            if (view.mode !== 'edit' || doc.text === doc.savedText) {
                sendJson(res, 200, {ok: true, result: 'unmodified'});
                return;
            }
            const out = await putFile(view, view.session, false);
            sendJson(res, 200, {ok: out.status === 200, ...out});
        } else {
            sendJson(res, 404, {ok: false, error: 'unknown action'});
        }
    };

    const openPage = async (req: IncomingMessage, res: ServerResponse, standIn: CollaboraStandIn) => {
        const url = new URL(req.url ?? '/', standIn.url);
        const form = new URLSearchParams((await readBody(req)).toString('utf8'));
        const wopiSrc = url.searchParams.get('WOPISrc') ?? '';
        const token = form.get('access_token') ?? '';
        if (!(/^https?:\/\//).test(wopiSrc) || token === '') {
            res.writeHead(400, {'Content-Type': 'text/plain'});
            res.end('cool.html needs WOPISrc in the URL and access_token in the form body');
            return;
        }
        const permission = url.searchParams.get('permission') ?? '';
        const session = new CollaboraSession({
            wopiSrc,
            accessToken: token,
            accessTokenTtl: Number(form.get('access_token_ttl') ?? 0) || 0,
            ...(permission === 'readonly' || permission === 'view' || permission === 'edit' ? {permission} : {}),
            signer: standIn.signer,
        });
        const docKey = wopiSrc;
        const existing = docs.get(docKey);
        const doc = existing !== undefined && !existing.closing ? existing
            : {key: docKey, views: new Set<string>(), content: null, lockSession: null, lockedBy: '', text: '', savedText: '', closing: false};
        docs.set(docKey, doc);
        const id = randomBytes(8).toString('hex');
        doc.views.add(id);
        views.set(id, {id, docKey, doc, session, permission, mode: 'view', userId: '', userName: '', loaded: false, closed: false});
        res.writeHead(200, {'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache, no-store'});
        res.end(editorPageHtml({
            viewId: id,
            closeButton: url.searchParams.get('closebutton') === '1',
            lang: url.searchParams.get('lang') ?? '',
            theme: form.get('ui_theme') ?? 'light',
        }));
    };

    const handle = (req: IncomingMessage, res: ServerResponse, standIn: CollaboraStandIn): boolean => {
        const path = (req.url ?? '').split('?')[0];
        const fail = (err: unknown) => {
            console.error(`[collabora stand-in] ${req.method} ${path}: ${err instanceof Error ? err.stack : String(err)}`);
            if (!res.headersSent) {
                sendJson(res, 500, {ok: false, error: String(err)});
            }
        };
        if (req.method === 'POST' && path === `/browser/${standIn.versionHash}/cool.html`) {
            openPage(req, res, standIn).catch(fail);
            return true;
        }
        const m = (/^\/standin\/views\/([0-9a-f]+)\/(load|type|save|token|views|events)$/).exec(path);
        if (m) {
            handleSession(req, res, m[1], m[2]).catch(fail);
            return true;
        }
        return false;
    };

    const standIn = await startCollaboraStandIn({...options, handle});
    return {
        ...standIn,
        events,
        saved,
        waitForEvent: (predicate, {timeoutMs = 20_000, from = 0} = {}) => {
            const seen = events.slice(from).find(predicate);
            if (seen) {
                return Promise.resolve(seen);
            }
            return new Promise((resolve, reject) => {
                const waiter = {predicate, resolve: (e: EditorEvent) => {
                    clearTimeout(timer);
                    resolve(e);
                }};
                const timer = setTimeout(() => {
                    waiters.splice(waiters.indexOf(waiter), 1);
                    reject(new Error(`Collabora stand-in: no matching event within ${timeoutMs} ms; events so far: ${JSON.stringify(events.slice(-10))}`));
                }, timeoutMs);
                waiters.push(waiter);
            });
        },
    };
}
