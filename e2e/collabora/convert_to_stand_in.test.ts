// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {startCollaboraStandIn} from './collabora_server';
import type {CollaboraStandIn} from './collabora_server';
import {allowPostFrom, defaultConvertToBehaviour} from './convert_to_stand_in';
import {minimalPdf} from './minimal_pdf';

const form = (parts: Array<{name: string; fileName?: string; body: string}>) => {
    const boundary = 'XyZ';
    const body = parts.map((p) => `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"` : ''}\r\n\r\n${p.body}\r\n`).join('') + `--${boundary}--\r\n`;
    return {body, headers: {'Content-Type': `multipart/form-data; boundary=${boundary}`}};
};

describe('the stand-in\'s /cool/convert-to', () => {
    let standIn: CollaboraStandIn;
    beforeAll(async () => {
        standIn = await startCollaboraStandIn();
    });
    afterAll(() => standIn.close());
    beforeEach(() => {
        Object.assign(standIn.convertTo, defaultConvertToBehaviour());
        standIn.conversions.length = 0;
    });

    it('matches net.post_allow entries against the whole address, as coolwsd.xml\'s defaults', () => {
        const b = defaultConvertToBehaviour();
        expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.7.8'].filter((a) => allowPostFrom(b, a))).toHaveLength(6);
        expect(['203.0.113.9', '127.0.0.12', '1127.0.0.1', '172.32.0.1'].filter((a) => allowPostFrom(b, a))).toEqual([]);
    });

    it('takes the format from the path, else from the form, the document from the part with a filename', async () => {
        const a = form([{name: 'data', fileName: 'a.odt', body: 'hello'}]);
        const viaPath = await fetch(`${standIn.url}/cool/convert-to/pdf`, {method: 'POST', ...a});
        expect(viaPath.status).toBe(200);
        expect(viaPath.headers.get('content-type')).toBe('application/octet-stream');
        expect(viaPath.headers.get('content-disposition')).toBe('attachment; filename="a.pdf"');
        const b = form([{name: 'format', body: 'pdf'}, {name: 'whatever', fileName: 'b.docx', body: 'x'}]);
        expect((await fetch(`${standIn.url}/lool/convert-to`, {method: 'POST', ...b})).status).toBe(200);
        expect(standIn.conversions.map((c) => [c.fileName, c.fieldName, c.format, c.outcome])).toEqual([['a.odt', 'data', 'pdf', 'converted'], ['b.docx', 'whatever', 'pdf', 'converted']]);
    });

    it('answers 400 without a file or a format, 403 for a caller outside post_allow, and says so in capabilities', async () => {
        expect((await fetch(`${standIn.url}/cool/convert-to/pdf`, {method: 'POST', ...form([{name: 'data', body: 'no filename'}])})).status).toBe(400);
        expect((await fetch(`${standIn.url}/cool/convert-to`, {method: 'POST', ...form([{name: 'data', fileName: 'a.odt', body: 'x'}])})).status).toBe(400);
        // A forwarded address must be allowed too.
        const forwarded = await fetch(`${standIn.url}/cool/convert-to/pdf`, {method: 'POST', ...form([{name: 'data', fileName: 'a.odt', body: 'x'}]), headers: {...form([]).headers, 'X-Forwarded-For': '203.0.113.9'}});
        expect(forwarded.status).toBe(403);
        expect(await forwarded.text()).toBe('');
        expect((await (await fetch(`${standIn.url}/hosting/capabilities`)).json())['convert-to']).toEqual({available: true, endpoint: '/cool/convert-to'});
        standIn.convertTo.postAllow = [];
        expect((await (await fetch(`${standIn.url}/hosting/capabilities`)).json())['convert-to']).toEqual({available: false});
        expect(standIn.conversions.map((c) => c.outcome)).toEqual(['bad_request', 'bad_request', 'refused']);
    });
});

describe('minimalPdf', () => {
    it('writes a PDF whose cross-reference table points at each object', () => {
        const pdf = minimalPdf(['Document: a (b).odt', 'Überblick']).toString('latin1');
        expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
        expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
        expect(pdf).toContain('(Document: a \\(b\\).odt) Tj');
        expect(pdf).toContain('(?berblick) Tj');
        const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)![1]);
        expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
        const offsets = [...pdf.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
        expect(offsets).toHaveLength(5);
        offsets.forEach((offset, i) => expect(pdf.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
        const length = Number(/\/Length (\d+)/.exec(pdf)![1]);
        const stream = pdf.indexOf('stream\n') + 'stream\n'.length;
        expect(pdf.slice(stream + length, stream + length + 9)).toBe('endstream');
    });
});
