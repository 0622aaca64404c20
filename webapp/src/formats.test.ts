// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {ClientConfig} from './client';
import {
    DEFAULT_PREVIEW_EXTENSIONS, MATTERMOST_PREVIEWS, canEditFormat, canOpenFormat, fileExtension, parseExtensionList, shouldPreview,
} from './formats';

// Discovery as a typical Collabora answers it: office formats editable, iWork/Visio view-only,
// and PDF/TXT/images openable too (which Mattermost still shows better by default).
const discovery: ClientConfig['formats'] = {};
for (const ext of ['odt', 'docx', 'doc', 'rtf', 'ods', 'xlsx', 'xls', 'odp', 'pptx', 'ppt', 'odg', 'txt', 'csv']) {
    discovery[ext] = {view: true, edit: true};
}
for (const ext of ['pages', 'numbers', 'key', 'vsdx', 'vsd', 'pub', 'cdr', 'pdf', 'png', 'svg']) {
    discovery[ext] = {view: true, edit: false};
}

const config = (overrides: Partial<ClientConfig> = {}): ClientConfig => ({
    collaboraUrl: 'https://collabora.example.com',
    configured: true,
    formats: discovery,
    previewExtensions: DEFAULT_PREVIEW_EXTENSIONS.filter((ext) => discovery[ext]),
    newDocumentFormat: 'ooxml',
    editSummaries: true,
    ...overrides,
});

describe('shouldPreview with the default list', () => {
    it.each([
        ['docx', true], ['odt', true], ['doc', true], ['rtf', true],
        ['xlsx', true], ['ods', true], ['xls', true],
        ['pptx', true], ['odp', true], ['ppt', true], ['odg', true],
        ['pages', true], ['numbers', true], ['key', true], ['vsdx', true], ['vsd', true], ['pub', true], ['cdr', true],
        ['pdf', false], ['txt', false], ['csv', false], ['png', false], ['svg', false], ['mp4', false], ['mp3', false],
        ['exe', false], ['', false],
    ])('%s -> %s', (ext, expected) => {
        expect(shouldPreview(ext, config())).toBe(expected);
    });

    it('falls back to the built-in default when the server sends no list', () => {
        const legacy = config({previewExtensions: undefined as unknown as string[]});
        expect(shouldPreview('docx', legacy)).toBe(true);
        expect(shouldPreview('pdf', legacy)).toBe(false);
    });

    it('keeps every Mattermost-native format out of the default list', () => {
        expect(DEFAULT_PREVIEW_EXTENSIONS.filter((ext) => MATTERMOST_PREVIEWS.includes(ext))).toEqual([]);
    });
});

describe('shouldPreview with the admin list', () => {
    it('follows the admin: PDF added, spreadsheets removed', () => {
        const admin = config({previewExtensions: ['docx', 'odt', 'pdf']});
        expect(shouldPreview('pdf', admin)).toBe(true);
        expect(shouldPreview('docx', admin)).toBe(true);
        expect(shouldPreview('xlsx', admin)).toBe(false);
    });

    it('never previews what discovery cannot open, even if listed', () => {
        expect(shouldPreview('mp4', config({previewExtensions: ['mp4', 'docx']}))).toBe(false);
    });

    it('an empty effective list previews nothing', () => {
        expect(shouldPreview('docx', config({previewExtensions: []}))).toBe(false);
    });

    it('normalises case and dots on both sides', () => {
        expect(shouldPreview('.DOCX', config({previewExtensions: ['.Docx']}))).toBe(true);
    });
});

describe('when Collabora is not usable', () => {
    it.each([
        ['no config', null],
        ['not configured', config({configured: false, error: 'no URL'})],
        ['no discovery', config({formats: {}})],
    ])('%s: nothing is previewed, opened or edited', (_name, cfg) => {
        expect(shouldPreview('docx', cfg)).toBe(false);
        expect(canOpenFormat('docx', cfg)).toBe(false);
        expect(canEditFormat('docx', cfg)).toBe(false);
    });
});

describe('edit and open', () => {
    it('view-only formats can be opened but never edited', () => {
        expect(canOpenFormat('pages', config())).toBe(true);
        expect(canEditFormat('pages', config())).toBe(false);
        expect(canEditFormat('vsdx', config())).toBe(false);
        expect(canEditFormat('docx', config())).toBe(true);
    });
});

describe('helpers', () => {
    it('reads the extension from the file info, or from the name', () => {
        expect(fileExtension({extension: 'DOCX', name: 'a.docx'})).toBe('docx');
        expect(fileExtension({extension: '', name: 'Budget 2026.XLSX'})).toBe('xlsx');
        expect(fileExtension({name: 'README'})).toBe('');
    });

    it('parses the PreviewFormats setting', () => {
        expect(parseExtensionList(' odt, .DOCX;xlsx  pptx,,')).toEqual(['odt', 'docx', 'xlsx', 'pptx']);
        expect(parseExtensionList('')).toEqual([]);
    });
});
