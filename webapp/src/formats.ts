// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Which attachments Collabora shows and edits. The server already sends the effective preview list
// (discovery x the admin's PreviewFormats); these pure functions apply the same rules on the client so a
// stale or partial config never hijacks a preview Mattermost does better (onlyoffice-mattermost#87).
import type {ClientConfig} from './client';

// Office formats, as Collabora's discovery names them: ODF, OOXML and the legacy binaries.
const TEXT = ['odt', 'ott', 'fodt', 'docx', 'docm', 'dotx', 'dotm', 'doc', 'dot', 'rtf', 'sxw', 'stw'];
const SPREADSHEET = ['ods', 'ots', 'fods', 'xlsx', 'xlsm', 'xlsb', 'xltx', 'xltm', 'xls', 'xlt', 'sxc', 'stc'];
const PRESENTATION = ['odp', 'otp', 'fodp', 'pptx', 'pptm', 'potx', 'potm', 'ppsx', 'ppt', 'pot', 'pps', 'sxi', 'sti'];
const DRAWING = ['odg', 'otg', 'fodg', 'sxd', 'std'];

// Formats Mattermost cannot show at all but Collabora can open: Apple iWork, Visio, Publisher,
// CorelDRAW, WordPerfect, Works, Lotus, Quattro Pro, Hangul, AbiWord, Windows metafiles.
const ONLY_COLLABORA = [
    'pages', 'numbers', 'key',
    'vsd', 'vsdx', 'vsdm', 'vdx', 'vss', 'vst',
    'pub', 'cdr', 'wpd', 'wps', 'wks', 'wk1', '123', 'qpw', 'hwp', 'abw', 'zabw', 'lwp', 'wri',
    'emf', 'wmf',
];

// What a stock Collabora edits, for menus drawn before the config has arrived (see file_menu).
export const USUALLY_EDITABLE: readonly string[] = [...TEXT, ...SPREADSHEET, ...PRESENTATION, ...DRAWING];

export const DEFAULT_PREVIEW_EXTENSIONS: readonly string[] = [
    ...TEXT, ...SPREADSHEET, ...PRESENTATION, ...DRAWING, ...ONLY_COLLABORA,
];

// Left to Mattermost's own viewer unless the admin lists them: PDF, plain text, images, audio, video.
export const MATTERMOST_PREVIEWS: readonly string[] = [
    'pdf', 'txt', 'md', 'csv', 'log', 'json', 'xml', 'html',
    'png', 'jpg', 'jpeg', 'gif', 'bmp', 'webp', 'svg', 'tif', 'tiff', 'heic',
    'mp3', 'wav', 'ogg', 'oga', 'm4a', 'aac', 'flac',
    'mp4', 'webm', 'mov', 'avi', 'mkv', 'm4v',
];

export function normalizeExtension(ext: string): string {
    return ext.trim().replace(/^\.+/, '').toLowerCase();
}

// "odt, .DOCX xlsx" -> ['odt', 'docx', 'xlsx']; the format of the PreviewFormats setting.
export function parseExtensionList(text: string): string[] {
    return text.split(/[\s,;]+/).map(normalizeExtension).filter((ext) => ext.length > 0);
}

export function fileExtension(file: {extension?: string; name?: string}): string {
    if (file.extension) {
        return normalizeExtension(file.extension);
    }
    const name = file.name ?? '';
    const dot = name.lastIndexOf('.');
    return dot >= 0 ? normalizeExtension(name.slice(dot + 1)) : '';
}

function isUsable(config: ClientConfig | null | undefined): config is ClientConfig {
    return Boolean(config && config.configured && config.formats && typeof config.formats === 'object');
}

// Collabora can open it at all (discovery lists a view or edit action).
export function canOpenFormat(ext: string, config: ClientConfig | null | undefined): boolean {
    if (!isUsable(config)) {
        return false;
    }
    const support = config.formats[normalizeExtension(ext)];
    return Boolean(support && (support.view || support.edit));
}

// View-only formats (discovery has no edit action) never offer Edit.
export function canEditFormat(ext: string, config: ClientConfig | null | undefined): boolean {
    if (!isUsable(config)) {
        return false;
    }
    return Boolean(config.formats[normalizeExtension(ext)]?.edit);
}

// Collabora replaces Mattermost's preview for this extension.
export function shouldPreview(ext: string, config: ClientConfig | null | undefined): boolean {
    const normalized = normalizeExtension(ext);
    if (!normalized || !canOpenFormat(normalized, config)) {
        return false;
    }
    const allowed = Array.isArray(config?.previewExtensions) ? config.previewExtensions.map(normalizeExtension) : DEFAULT_PREVIEW_EXTENSIONS;
    return allowed.includes(normalized);
}
