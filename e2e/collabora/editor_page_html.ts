// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The stand-in's cool.html: looks a little like Collabora (menu bar, notebookbar, a page on a grey
// canvas), shows the document's name and mode, and speaks Collabora's PostMessage API
// (wopi-collabora.md 6): JSON strings to window.parent at the PostMessageOrigin CheckFileInfo gave,
// App_LoadingStatus, Doc_ModifiedStatus, UI_Close, Action_Save_Resp, Views_List; it obeys
// Host_PostmessageReady, Action_Save, Action_Close / Close_Session, Disable_Default_UIAction,
// Reset_Access_Token and answers Host_VersionRestore and Get_Views. Host messages from another
// origin or window are ignored. Typing '@' starts a mention as Collabora's does (MENTION_SCRIPT).

import {MENTION_SCRIPT} from './mention_script';

export type EditorPageOptions = {viewId: string; closeButton: boolean; lang: string; theme: string};

const STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: 'Liberation Sans', 'DejaVu Sans', Arial, sans-serif; font-size: 13px; color: #1e1e1e; }
body { display: flex; flex-direction: column; background: #f1f1f1; }
body.dark { background: #2b2b2b; color: #e8e8e8; }
.menubar { display: flex; align-items: center; gap: 14px; height: 34px; padding: 0 12px; background: #fff; border-bottom: 1px solid #dcdcdc; }
body.dark .menubar, body.dark .notebookbar { background: #363636; border-color: #4a4a4a; }
.brand { font-weight: 700; color: #1f6f3f; }
.menubar span.menu { color: #444; }
body.dark .menubar span.menu { color: #ccc; }
.doc-name { font-weight: 600; margin-left: 8px; padding: 3px 8px; border: 1px solid transparent; border-radius: 3px; }
.spacer { flex: 1; }
.mode { padding: 2px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.mode.edit { background: #d9f2e3; color: #1f6f3f; }
.mode.view { background: #e6e9f2; color: #33415c; }
.notebookbar { display: flex; align-items: center; gap: 8px; height: 44px; padding: 0 12px; background: #fafafa; border-bottom: 1px solid #dcdcdc; }
button { height: 28px; padding: 0 12px; border: 1px solid #c8c8c8; border-radius: 3px; background: #fff; font: inherit; cursor: pointer; }
button:disabled { opacity: 0.5; cursor: default; }
button.primary { background: #1f6f3f; border-color: #1f6f3f; color: #fff; }
.close { width: 28px; padding: 0; font-size: 16px; }
.status { color: #555; }
body.dark .status { color: #bbb; }
.canvas { flex: 1; overflow: auto; padding: 24px; display: flex; justify-content: center; }
.page { width: 595px; min-height: 600px; background: #fff; color: #1e1e1e; box-shadow: 0 1px 4px rgba(0,0,0,0.25); padding: 56px 64px; }
.page h1 { font-size: 20px; margin: 0 0 6px; }
.page .meta { color: #666; margin: 0 0 18px; }
textarea { width: 100%; min-height: 360px; border: 1px dashed #c8c8c8; padding: 8px; font: 14px/1.5 'Liberation Serif', 'DejaVu Serif', serif; resize: vertical; }
textarea:disabled { background: #fafafa; border-style: dotted; }
.error { color: #b3261e; font-weight: 600; }
.loading { margin: auto; color: #666; font-size: 15px; }
.page { position: relative; }
.mention-popup { position: absolute; left: 72px; top: 150px; min-width: 220px; background: #fff; color: #1e1e1e; border: 1px solid #c8c8c8; border-radius: 4px; box-shadow: 0 2px 8px rgba(0,0,0,0.2); padding: 4px 0; }
.mention-popup button { display: block; width: 100%; height: auto; padding: 6px 12px; border: 0; border-radius: 0; text-align: left; background: none; }
.mention-popup button:hover, .mention-popup button:focus { background: #e8f0fe; }
.mention-popup p { margin: 6px 12px; color: #666; }
`;

// Runs in the iframe. Plain ES2020, no build step.
const SCRIPT = String.raw`
(function () {
    const cfg = JSON.parse(document.getElementById('standin-config').textContent);
    const $ = (id) => document.querySelector('[data-testid="' + id + '"]');
    let origin = '';
    let mode = 'view';
    let savedText = '';
    let modified = false;
    let everModified = false;
    let closed = false;
    let loaded = false;
    let hostReady = false;
    let resets = 0;
    const disabled = {};
    const events = new EventSource('/standin/views/' + cfg.viewId + '/events');

    function post(id, values) {
        if (origin) {
            window.parent.postMessage(JSON.stringify({MessageId: id, SendTime: Date.now(), Values: values || {}}), origin);
        }
    }
    async function api(action, body) {
        const res = await fetch('/standin/views/' + cfg.viewId + '/' + action, {
            method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(body || {}),
        });
        return res.json();
    }
    function status(text, isError) {
        const el = $('standin-status');
        el.textContent = text;
        el.className = isError ? 'status error' : 'status';
    }
    function setModified(value) {
        if (value !== modified) {
            modified = value;
            everModified = everModified || value;
            post('Doc_ModifiedStatus', {Modified: value});
        }
        $('standin-modified').textContent = value ? 'Unsaved changes' : '';
    }
    function closeSession(reason) {
        if (closed) {
            return;
        }
        closed = true;
        events.close();
        $('standin-editor').disabled = true;
        $('standin-save').disabled = true;
        status('Session closed (' + reason + ')');
    }
    async function save(notify) {
        if (mode !== 'edit') {
            return;
        }
        const text = $('standin-editor').value;
        status('Saving…');
        const r = await api('save');
        if (r.ok) {
            savedText = text;
            setModified($('standin-editor').value !== savedText);
            status(r.result === 'unmodified' ? 'Nothing to save' : 'Saved ' + r.size + ' bytes');
            if (notify) {
                post('Action_Save_Resp', r.result === 'unmodified' ? {success: true, result: 'unmodified'} : {success: true, fileName: cfg.fileName});
            }
        } else {
            status('Save failed: HTTP ' + r.status + ' ' + (r.body || r.error || ''), true);
            if (notify) {
                post('Action_Save_Resp', {success: false, result: 'failed', errorMsg: 'HTTP ' + r.status});
            }
        }
    }

    const mention = MENTION_FACTORY(post, () => hostReady && loaded, () => $('standin-editor'), () => $('standin-mention-popup'));

    window.addEventListener('message', (event) => {
        if (event.source !== window.parent || !origin || event.origin !== origin) {
            return;
        }
        let msg;
        try {
            msg = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
        } catch (e) {
            return;
        }
        const values = (msg && msg.Values) || {};
        switch (msg && msg.MessageId) {
        case 'Host_PostmessageReady':
            hostReady = true;
            $('standin-host-ready').textContent = 'Host ready';
            break;
        // Collabora ignores these until the host said Host_PostmessageReady and the document has
        // loaded (COOL browser/src/map/handler/Map.WOPI.js, _postMessageListener).
        case 'Reset_Access_Token':
            if (hostReady && loaded && typeof values.token === 'string' && values.token) {
                api('token', {token: values.token}).then((r) => {
                    if (r.ok) {
                        resets += 1;
                        $('standin-token').textContent = 'renewed ' + resets + '×';
                    }
                });
            }
            break;
        case 'Get_Views':
            if (hostReady && loaded) {
                api('views').then((r) => post('Get_Views_Resp', r.views || []));
            }
            break;
        case 'Action_Save':
            save(values.Notify === true);
            break;
        case 'Action_Close':
        case 'Close_Session':
            closeSession('host');
            break;
        case 'Disable_Default_UIAction':
            disabled[values.action] = values.disable === true;
            break;
        case 'Action_Mention':
            mention.open(values.list);
            break;
        case 'Host_VersionRestore':
            if (values.Status === 'Pre_Restore') {
                post('App_VersionRestore', {Status: 'Pre_Restore_Ack'});
            }
            break;
        default:
            break;
        }
    });

    $('standin-editor').addEventListener('input', (event) => {
        if (mode === 'edit') {
            mention.input(event);
        }
        const text = $('standin-editor').value;
        setModified(text !== savedText);
        api('type', {text});
    });
    $('standin-save').addEventListener('click', () => save(false));
    const closeBtn = $('standin-close');
    if (closeBtn) {
        closeBtn.addEventListener('click', () => {
            post('UI_Close', {EverModified: everModified});
            if (!disabled.UI_Close) {
                closeSession('close button');
            }
        });
    }

    (async () => {
        const started = Date.now();
        let r;
        try {
            r = await api('load');
        } catch (e) {
            r = {ok: false, error: String(e)};
        }
        if (!r.ok) {
            $('standin-loading').textContent = 'Failed to load the document: ' + (r.call || '') + ' answered ' + (r.status || '') + ' ' + (r.error || '');
            $('standin-loading').className = 'loading error';
            return;
        }
        origin = r.postMessageOrigin;
        mode = r.mode;
        cfg.fileName = r.fileName;
        document.title = r.fileName + ' - Collabora Online (stand-in)';
        $('standin-file-name').textContent = r.fileName;
        $('standin-page-title').textContent = r.fileName;
        const modeEl = $('standin-mode');
        modeEl.textContent = mode === 'edit' ? 'Editing' : 'Viewing (read-only)';
        modeEl.className = 'mode ' + mode;
        modeEl.dataset.mode = mode;
        $('standin-meta').textContent = r.size + ' bytes · opened by ' + r.userName + (r.locked ? ' · locked for editing' : '') + (r.lockError ? ' · ' + r.lockError : '');
        $('standin-lock').textContent = r.locked ? 'locked' : 'not locked';
        savedText = r.text || '';
        $('standin-editor').value = savedText;
        $('standin-editor').disabled = mode !== 'edit';
        $('standin-editor').placeholder = mode === 'edit' ? 'Type here…' : 'Read-only view';
        $('standin-save').disabled = mode !== 'edit';
        $('standin-loading').hidden = true;
        $('standin-document').hidden = false;
        status('Document loaded');
        loaded = true;
        post('App_LoadingStatus', {Status: 'Frame_Ready', Features: {VersionStates: true}});
        post('App_LoadingStatus', {Status: 'Document_Loaded', DocumentLoadedTime: Date.now() - started});

        // Collabora posts the views list whenever it changes, the first time as the document loads
        // (Map.WOPI.js: 'updateviewslist' -> Views_List).
        post('Views_List', r.views || []);
    })();
})();
`;

function escapeHtml(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function editorPageHtml(options: EditorPageOptions): string {
    // JSON in a script element: '<' escaped so no value can close the element.
    const config = JSON.stringify({viewId: options.viewId}).replace(/</g, '\\u003c');
    const close = options.closeButton ? '<button type="button" class="close" title="Close document" data-testid="standin-close">×</button>' : '';
    return `<!DOCTYPE html>
<html lang="${escapeHtml(options.lang || 'en')}">
<head>
<meta charset="utf-8">
<title>Collabora Online (stand-in)</title>
<style>${STYLE}</style>
</head>
<body class="${options.theme === 'dark' ? 'dark' : ''}" data-testid="standin-body">
<div class="menubar">
  <span class="brand">Collabora Online</span>
  <span class="menu">File</span><span class="menu">Edit</span><span class="menu">View</span><span class="menu">Insert</span>
  <span class="doc-name" data-testid="standin-file-name"></span>
  <span class="mode" data-testid="standin-mode"></span>
  <span class="spacer"></span>
  <span class="status" data-testid="standin-host-ready"></span>
  ${close}
</div>
<div class="notebookbar">
  <button type="button" class="primary" data-testid="standin-save" disabled>Save</button>
  <span class="status" data-testid="standin-status">Loading…</span>
  <span class="status" data-testid="standin-modified"></span>
  <span class="spacer"></span>
  <span class="status">Token: <span data-testid="standin-token">as loaded</span></span>
  <span class="status">Lock: <span data-testid="standin-lock">-</span></span>
</div>
<div class="canvas">
  <p class="loading" data-testid="standin-loading">Loading document…</p>
  <div class="page" data-testid="standin-document" hidden>
    <h1 data-testid="standin-page-title"></h1>
    <p class="meta" data-testid="standin-meta"></p>
    <textarea data-testid="standin-editor" aria-label="Document text" disabled></textarea>
    <div class="mention-popup" data-testid="standin-mention-popup" hidden></div>
  </div>
</div>
<script type="application/json" id="standin-config">${config}</script>
<script>${MENTION_SCRIPT}</script>
<script>${SCRIPT.replace('MENTION_FACTORY', 'window.standInMention')}</script>
</body>
</html>
`;
}
