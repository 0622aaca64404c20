// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// /hosting/discovery shaped like coolwsd's answer: the static COOL:discovery.xml with every
// urlsrc set to "<server>/browser/<hash>/cool.html?", absolute favIconUrl on component apps, the
// Capabilities pseudo-app, and <proof-key> appended to the root (wopi-collabora.md 1.2).
// A representative subset of the real list: component-named and MIME-named apps both appear.

type App = {name: string; favIcon?: string; actions: Array<[action: string, ext: string, isDefault?: boolean]>};

const APPS: App[] = [
    {name: 'writer', favIcon: 'x-office-document.svg', actions: [['edit', 'odt', true], ['edit', 'docx'], ['edit', 'doc'], ['edit', 'rtf'], ['edit', 'txt']]},
    {name: 'calc', favIcon: 'x-office-spreadsheet.svg', actions: [['edit', 'ods', true], ['edit', 'xlsx'], ['edit', 'xls'], ['edit', 'csv']]},
    {name: 'impress', favIcon: 'x-office-presentation.svg', actions: [['edit', 'odp', true], ['edit', 'pptx'], ['edit', 'ppt']]},
    {name: 'draw', favIcon: 'x-office-drawing.svg', actions: [['edit', 'odg', true], ['view_comment', 'pdf']]},
    {name: 'application/vnd.sun.xml.writer', actions: [['view', 'sxw']]},
    {name: 'application/vnd.oasis.opendocument.text', actions: [['edit', 'odt']]},
    {name: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', actions: [['edit', 'docx']]},
    {name: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', actions: [['edit', 'xlsx']]},
    {name: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', actions: [['edit', 'pptx']]},
    {name: 'application/pdf', actions: [['view', 'pdf']]},
    {name: 'image/png', actions: [['view', 'png']]},
];

function escapeAttr(value: string): string {
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export type DiscoveryXmlOptions = {

    // e.g. "http://127.0.0.1:9980": coolwsd's %SRV_URI%, from server_name or the discovery
    // request's Host header (collabora_server.ts).
    serverUrl: string;
    versionHash: string;

    // null: no proof key configured, so no <proof-key> element at all (5.1).
    proofKeyAttributes: Array<[string, string]> | null;
};

export function buildDiscoveryXml(options: DiscoveryXmlOptions): string {
    const base = `${options.serverUrl}/browser/${options.versionHash}`;
    const urlsrc = escapeAttr(`${base}/cool.html?`);
    const zone = options.serverUrl.startsWith('https:') ? 'external-https' : 'external-http';
    const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<wopi-discovery>', `    <net-zone name="${zone}">`];
    for (const app of APPS) {
        const icon = app.favIcon === undefined ? '' : ` favIconUrl="${escapeAttr(`${base}/images/${app.favIcon}`)}"`;
        lines.push(`        <app name="${escapeAttr(app.name)}"${icon}>`);
        for (const [action, ext, isDefault] of app.actions) {
            lines.push(`            <action name="${action}" ext="${ext}"${isDefault === true ? ' default="true"' : ''} urlsrc="${urlsrc}"/>`);
        }
        lines.push('        </app>');
    }
    lines.push('        <app name="Capabilities">');
    lines.push(`            <action name="getinfo" ext="" urlsrc="${escapeAttr(`${options.serverUrl}/hosting/capabilities`)}"/>`);
    lines.push('        </app>', '    </net-zone>');
    if (options.proofKeyAttributes !== null) {
        const attrs = options.proofKeyAttributes.map(([k, v]) => `${k}="${escapeAttr(v)}"`).join(' ');
        lines.push(`    <proof-key ${attrs}/>`);
    }
    lines.push('</wopi-discovery>', '');
    return lines.join('\n');
}
