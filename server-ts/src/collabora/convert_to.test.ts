// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {Readable} from 'node:stream';

import {startCollaboraStandIn, type CollaboraStandIn} from '../../../e2e/collabora';

import {ConversionError, convertDocument, multipartFileName, type ConvertRequest} from './convert_to';

// The conversion client against the Collabora stand-in, which answers as coolwsd does.
describe('convertDocument', () => {
    let standIn: CollaboraStandIn;
    let dir: string;
    const doc = Buffer.from('PK\u0003\u0004 not really a docx, but bytes all the same');
    beforeAll(async () => {
        standIn = await startCollaboraStandIn();
        dir = await mkdtemp(path.join(tmpdir(), 'convert-test-'));
    });
    afterAll(async () => {
        await standIn.close();
        await rm(dir, {recursive: true, force: true});
    });
    beforeEach(() => {
        Object.assign(standIn.convertTo, {mode: 'convert', delayMs: 0, postAllow: ['127\\.0\\.0\\.1', '::ffff:127\\.0\\.0\\.1']});
        standIn.conversions.length = 0;
    });

    const request = (fields: Partial<ConvertRequest> = {}): ConvertRequest => ({
        baseUrl: standIn.url, skipTlsVerify: false, format: 'pdf', fileName: 'Quarterly "plan".docx', size: doc.length,
        body: Readable.from([doc]), destination: path.join(dir, 'out.pdf'), maxBytes: 1024 * 1024, timeoutMs: 5_000, ...fields,
    });
    const failure = async (fields: Partial<ConvertRequest> = {}): Promise<ConversionError> => {
        try {
            await convertDocument(request(fields));
        } catch (err) {
            if (err instanceof ConversionError) {
                return err;
            }
            throw err;
        }
        throw new Error('the conversion succeeded');
    };

    it('posts the document as the multipart field "data" with a Content-Length, and writes the PDF it gets back', async () => {
        const sent: number[] = [];
        const received: number[] = [];
        const {size} = await convertDocument(request({onSent: (n) => sent.push(n), onReceived: (n) => received.push(n)}));
        const pdf = await readFile(path.join(dir, 'out.pdf'));
        expect(pdf.length).toBe(size);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        expect(pdf.toString('latin1')).toContain(`Size: ${doc.length} bytes`);
        expect(pdf.toString('latin1')).toContain('Document: Quarterly _plan_.docx');
        expect(standIn.conversions).toEqual([expect.objectContaining({fieldName: 'data', fileName: 'Quarterly _plan_.docx', format: 'pdf', size: doc.length, chunked: false, outcome: 'converted'})]);
        expect(standIn.conversions[0].contentLength).toBeGreaterThan(doc.length);
        expect(sent[sent.length - 1]).toBe(doc.length);
        expect(received[received.length - 1]).toBe(size);
    });

    it('says net.post_allow when Collabora refuses the Mattermost server', async () => {
        standIn.convertTo.postAllow = ['10\\.0\\.0\\.1'];
        const err = await failure();
        expect(err.code).toBe('CONVERSION_NOT_ALLOWED');
        expect(err.message).toMatch(/net\.post_allow/);
        expect(standIn.conversions.map((c) => c.outcome)).toEqual(['refused']);
    });

    it('reports a conversion Collabora gave up on (connection closed, no answer)', async () => {
        standIn.convertTo.mode = 'fail';
        const err = await failure();
        expect(err.code).toBe('CONVERSION_FAILED');
        expect(err.message).toMatch(/closed the connection without an answer/);
    });

    it('reports a password-protected document', async () => {
        standIn.convertTo.mode = 'password';
        expect(await failure()).toMatchObject({code: 'CONVERSION_FAILED', message: expect.stringMatching(/password protected \(passwordrequired:to-view\)/)});
    });

    it('reports Collabora unreachable', async () => {
        expect(await failure({baseUrl: 'http://127.0.0.1:1'})).toMatchObject({code: 'COLLABORA_UNREACHABLE', message: expect.stringMatching(/ECONNREFUSED/)});
    });

    it('gives up after its deadline, and Collabora sees the request abandoned', async () => {
        standIn.convertTo.delayMs = 2_000;
        expect(await failure({timeoutMs: 300})).toMatchObject({code: 'CONVERSION_TIMEOUT'});
        await new Promise((r) => setTimeout(r, 100));
        expect(standIn.conversions.map((c) => c.outcome)).toEqual(['abandoned']);
    });

    it('stops when cancelled', async () => {
        standIn.convertTo.delayMs = 2_000;
        const abort = new AbortController();
        setTimeout(() => abort.abort(), 200);
        expect(await failure({signal: abort.signal})).toMatchObject({code: 'CANCELLED'});
    });

    it('refuses a PDF larger than Mattermost accepts', async () => {
        expect(await failure({maxBytes: 100})).toMatchObject({code: 'PDF_TOO_LARGE'});
    });

    it('refuses an answer that is not a PDF', async () => {
        // A 200 from something that is not Collabora (a proxy's login page, say).
        const proxy = createServer((req, res) => {
            req.resume();
            req.on('end', () => res.writeHead(200, {'Content-Type': 'text/html'}).end('<html>Please sign in</html>'));
        });
        await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
        try {
            const err = await failure({baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`});
            expect(err).toMatchObject({code: 'CONVERSION_FAILED', message: expect.stringMatching(/not a PDF/)});
        } finally {
            proxy.close();
        }
    });

    it('quotes file names safely', () => {
        expect(multipartFileName('a"b\\c\r\nd.docx')).toBe('a_b_c__d.docx');
        expect(multipartFileName('Überblick.odt')).toBe('Überblick.odt');
    });
});
