// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {MS_DISCOVERY_PROOF_KEY} from './ms_proof_vectors';
import {findAction, parseDiscovery} from './discovery_parser';

const SRC = 'https://office.example/browser/0123abc/cool.html?';
const {current: K, old: O} = MS_DISCOVERY_PROOF_KEY;

// Shaped like coolwsd's output (COOL:discovery.xml after getDiscoveryXML post-processing).
const COLLABORA = `<?xml version="1.0" encoding="utf-8"?>
<wopi-discovery>
    <net-zone name="external-https">
        <app name="writer" favIconUrl="https://office.example/browser/0123abc/images/x-office-document.svg">
            <action name="edit" ext="odt" default="true" urlsrc="${SRC}"/>
            <action name="view" ext="sxw" urlsrc="${SRC}"/>
        </app>
        <app name="application/vnd.openxmlformats-officedocument.wordprocessingml.document">
            <action name="edit" ext="docx" urlsrc="${SRC}"/>
        </app>
        <app name="draw">
            <action name="view_comment" ext="pdf" urlsrc="${SRC}"/>
        </app>
        <app name="application/pdf">
            <action name="view" ext="pdf" urlsrc="${SRC}"/>
        </app>
        <app name="Capabilities">
            <action name="getinfo" ext="" urlsrc="https://office.example/hosting/capabilities"/>
        </app>
    </net-zone>
    <proof-key value="${K.value}" modulus="${K.modulus}" exponent="${K.exponent}" oldvalue="${O.value}" oldmodulus="${O.modulus}" oldexponent="${O.exponent}"/>
</wopi-discovery>`;

describe('parseDiscovery', () => {
    it('reads actions per extension, capabilities URL and both proof keys', () => {
        const result = parseDiscovery(COLLABORA);
        if (!result.ok) {
            throw new Error(result.error);
        }
        const d = result.discovery;
        expect(Object.keys(d.actions).sort()).toEqual(['docx', 'odt', 'pdf', 'sxw']);
        expect(d.actions.odt.edit).toEqual({
            name: 'edit', ext: 'odt', urlsrc: SRC, appName: 'writer', isDefault: true,
            favIconUrl: 'https://office.example/browser/0123abc/images/x-office-document.svg',
        });
        expect(Object.keys(d.actions.pdf).sort()).toEqual(['view', 'view_comment']);
        expect(d.capabilitiesUrl).toBe('https://office.example/hosting/capabilities');
        expect(d.proofKey).toEqual({current: K, old: O});
        expect(result.warnings).toEqual([]);
    });

    it('survives a JSON round trip (for the KV cache) and finds actions case-insensitively', () => {
        const result = parseDiscovery(COLLABORA);
        const d = result.ok ? JSON.parse(JSON.stringify(result.discovery)) : null;
        expect(findAction(d, '.DOCX', ['edit'])?.ext).toBe('docx');
        expect(findAction(d, 'pdf', ['view_comment', 'view'])?.name).toBe('view_comment');
        expect(findAction(d, 'sxw', ['edit'])).toBeNull();
        expect(findAction(d, 'exe', ['edit'])).toBeNull();
        expect(findAction(d, '__proto__', ['edit'])).toBeNull();
    });

    it('handles Microsoft-style discovery: several zones, placeholders, entities, no proof key', () => {
        const xml = `<wopi-discovery>
            <net-zone name="internal-https"><app name="Word"><action name="edit" ext="docx" urlsrc="https://internal/we.aspx?&lt;ui=UI_LLCC&amp;&gt;"/></app></net-zone>
            <net-zone name="external-https"><app name="Word"><action name="edit" ext="docx" urlsrc="https://public/we.aspx?&lt;ui=UI_LLCC&amp;&gt;&lt;rs=DC_LLCC&amp;&gt;"/></app></net-zone>
        </wopi-discovery>`;
        const result = parseDiscovery(xml);
        expect(result.ok && result.discovery.actions.docx.edit.urlsrc).toBe('https://public/we.aspx?<ui=UI_LLCC&><rs=DC_LLCC&>');
        expect(result.ok && result.discovery.proofKey).toBeNull();
    });

    it('strips the stray backslash some Docker images put before dots', () => {
        const result = parseDiscovery('<wopi-discovery><net-zone name="external-http"><app name="calc">' +
            '<action name="edit" ext="ods" urlsrc="http://office\\.example/browser/x/cool\\.html?"/></app></net-zone></wopi-discovery>');
        expect(result.ok && result.discovery.actions.ods.edit.urlsrc).toBe('http://office.example/browser/x/cool.html?');
    });

    it('skips unusable actions with a warning', () => {
        const result = parseDiscovery('<wopi-discovery><net-zone name="x"><app name="a">' +
            '<action name="edit" ext="odt" urlsrc="javascript:alert(1)"/><action ext="odp" urlsrc="https://a/"/>' +
            '<action name="edit" ext="ods" urlsrc="https://a/cool.html?"/></app></net-zone></wopi-discovery>');
        expect(result.ok && Object.keys(result.discovery.actions)).toEqual(['ods']);
        expect(result.ok && result.warnings).toHaveLength(2);
    });

    it.each([
        ['empty', ''],
        ['not XML', 'Bad Gateway'],
        ['HTML error page', '<html><body><h1>502</h1></body></html>'],
        ['unclosed tag', '<wopi-discovery><net-zone>'],
        ['truncated', COLLABORA.slice(0, 400)],
        ['entity expansion', '<!DOCTYPE x [<!ENTITY a "aaaa">]><wopi-discovery>&a;</wopi-discovery>'],
        ['no actions', '<wopi-discovery><net-zone name="x"/></wopi-discovery>'],
        ['huge', `<wopi-discovery>${' '.repeat(5 * 1024 * 1024)}</wopi-discovery>`],
    ])('returns an error for %s', (_name, xml) => {
        const result = parseDiscovery(xml);
        expect(result.ok).toBe(false);
        expect(!result.ok && result.error).toMatch(/discovery/);
    });
});
