// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

// The HTML pages a link shows: a tiny opener (GET, consumes nothing), the full-page editor
// (POST, after the code was redeemed) and friendly messages. Every value written into the
// HTML is escaped; every page forbids being framed and carries a per-response script nonce.

export interface Page {
    status: number;
    html: string;
    headers: Record<string, string>;
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return "'none'";
    }
}

function headers(nonce: string, extra: string[]): Record<string, string> {
    const csp = ["default-src 'none'", `script-src 'nonce-${nonce}'`, `style-src 'nonce-${nonce}'`, "img-src 'self' data:", "base-uri 'none'", ...extra, "frame-ancestors 'none'"];
    return {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': csp.join('; '),
        // The page (and the code in its URL) is never sent as a Referer, not even to Collabora.
        'referrer-policy': 'no-referrer',
        // Back/forward must not bring back a page holding an access token (MSDOC hostpage.rst).
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
    };
}

const STYLE = `html,body{margin:0;height:100%;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#3f4350;background:#fff}
main{max-width:32rem;margin:15vh auto 0;padding:0 1.5rem;line-height:1.5}h1{font-size:1.4rem;margin:0 0 .75rem}
button{font:inherit;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#1c58d9;color:#fff;cursor:pointer}
.bar{height:40px;box-sizing:border-box;padding:0 12px;display:flex;align-items:center;gap:8px;border-bottom:1px solid #ddd;font-size:14px;white-space:nowrap;overflow:hidden}
.bar strong{overflow:hidden;text-overflow:ellipsis}.note{color:#6b6f7a}
iframe{display:block;border:0;width:100%;height:calc(100% - 40px)}body.phone iframe{height:100%}`;

function htmlDocument(nonce: string, title: string, bodyClass: string, body: string): string {
    return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head><body class="${bodyClass}">
${body}
</body></html>
`;
}

// A JavaScript string literal that cannot end the <script> element it sits in.
const scriptString = (s: string): string => JSON.stringify(s).replace(/</g, '\\u003c');

const newNonce = (): string => randomBytes(16).toString('base64');

export function messagePage(status: number, title: string, text: string): Page {
    const nonce = newNonce();
    const body = `<main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main>`;
    return {status, html: htmlDocument(nonce, title, 'message', body), headers: headers(nonce, [])};
}

// The opener POSTs back to its own address: only that request redeems the code. Mattermost's
// link previews (on by default) fetch links in posts with GET, and so would use it up.
export function openerPage(): Page {
    const nonce = newNonce();
    const body = `<main><h1>Opening the document…</h1>
<form id="co-open" method="post" action=""><p>If nothing happens, press the button.</p><button type="submit">Open the document</button></form></main>
<script nonce="${nonce}">document.getElementById('co-open').submit();</script>`;
    return {status: 200, html: htmlDocument(nonce, 'Opening the document…', 'message', body), headers: headers(nonce, ["form-action 'self'"])};
}

export interface EditorPageInput {
    actionUrl: string;
    fields: Array<[string, string]>;
    fileName: string;
    viewOnly: boolean;
    // The user asked to edit but may (now) only view.
    downgraded: boolean;
    phone: boolean;
}

// The editor takes the whole page. The token travels only in the form POSTed into the iframe,
// which is created by script so no browser restores it with a stale token (wopi-collabora.md 2.1).
export function editorPage(input: EditorPageInput): Page {
    const nonce = newNonce();
    const collabora = originOf(input.actionUrl);
    const inputs = input.fields.map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
    const note = input.downgraded ? 'You can only view this document now.' : input.viewOnly ? 'View only' : '';
    // On a phone every pixel goes to the editor; Collabora picks its mobile layout itself from
    // the phone's browser, which is the one loading it.
    const bar = input.phone ? '' : `<div class="bar"><strong>${escapeHtml(input.fileName)}</strong>${note ? `<span class="note">· ${escapeHtml(note)}</span>` : ''}</div>`;
    const body = `${bar}
<form id="co-form" method="post" action="${escapeHtml(input.actionUrl)}" target="co-editor">${inputs}</form>
<noscript><main><p>Collabora Online needs JavaScript to show this document.</p></main></noscript>
<script nonce="${nonce}">(function () {
  var collabora = ${scriptString(collabora)};
  var frame = document.createElement('iframe');
  frame.name = 'co-editor';
  frame.title = 'Collabora Online';
  frame.setAttribute('data-testid', 'collabora-iframe');
  frame.setAttribute('allow', 'clipboard-read *; clipboard-write *; fullscreen');
  frame.setAttribute('allowfullscreen', 'true');
  document.body.appendChild(frame);
  // Collabora ignores its host until told it listens (wopi-collabora.md 6.2): only its own
  // origin and its own frame are answered.
  window.addEventListener('message', function (event) {
    if (event.origin !== collabora || event.source !== frame.contentWindow) {
      return;
    }
    var msg;
    try {
      msg = typeof event.data === 'string' ? JSON.parse(event.data) : event.data;
    } catch (e) {
      return;
    }
    if (msg && msg.MessageId === 'App_LoadingStatus' && msg.Values && msg.Values.Status === 'Document_Loaded') {
      frame.contentWindow.postMessage(JSON.stringify({MessageId: 'Host_PostmessageReady', SendTime: Date.now(), Values: {}}), collabora);
    }
  });
  document.getElementById('co-form').submit();
})();</script>`;
    return {status: 200, html: htmlDocument(nonce, `${input.fileName} - Collabora Online`, input.phone ? 'phone' : 'desktop', body), headers: headers(nonce, [`frame-src ${collabora}`, `form-action ${collabora}`])};
}

// Phones get the full-bleed page; tablets keep the bar (Collabora shows them its tablet UI).
export function isPhone(userAgent: string | undefined): boolean {
    const ua = userAgent ?? '';
    return /\b(iPhone|iPod|Windows Phone|IEMobile|Opera Mini|BlackBerry)\b/i.test(ua) || (/\bAndroid\b/i.test(ua) && /\bMobile\b/i.test(ua));
}
