// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Discovery} from '../collabora/discovery_types';

// What Collabora can do with each extension, as its discovery says, and which extensions it
// previews in place of Mattermost by default.

export interface FormatSupport {
    view: boolean;
    edit: boolean;
}

const VIEW_ACTIONS = ['view', 'view_comment', 'edit'];

export function supportOf(discovery: Discovery, ext: string): FormatSupport {
    const actions = Object.hasOwn(discovery.actions, ext) ? discovery.actions[ext] : undefined;
    if (!actions) {
        return {view: false, edit: false};
    }
    return {view: VIEW_ACTIONS.some((a) => Object.hasOwn(actions, a)), edit: Object.hasOwn(actions, 'edit')};
}

export function formatsOf(discovery: Discovery): Record<string, FormatSupport> {
    const formats: Record<string, FormatSupport> = {};
    for (const ext of Object.keys(discovery.actions).sort()) {
        const support = supportOf(discovery, ext);
        if (support.view || support.edit) {
            formats[ext] = support;
        }
    }
    return formats;
}

// Office documents (ODF, OOXML, the legacy binaries and templates) plus the formats Mattermost
// cannot show at all but Collabora can. PDF, plain text (txt, csv, md), images, audio and video
// are left to Mattermost's own viewers, which are faster and familiar, unless the admin lists
// them in PreviewFormats. Kept in step with the webapp's formats.ts.
const TEXT = ['odt', 'ott', 'fodt', 'docx', 'docm', 'dotx', 'dotm', 'doc', 'dot', 'rtf', 'sxw', 'stw'];
const SPREADSHEET = ['ods', 'ots', 'fods', 'xlsx', 'xlsm', 'xlsb', 'xltx', 'xltm', 'xls', 'xlt', 'sxc', 'stc', 'dif'];
const PRESENTATION = ['odp', 'otp', 'fodp', 'pptx', 'pptm', 'potx', 'potm', 'ppsx', 'ppt', 'pot', 'pps', 'sxi', 'sti'];
const DRAWING = ['odg', 'otg', 'fodg', 'sxd', 'std'];
const ONLY_COLLABORA = [
    'pages', 'numbers', 'key',
    'vsd', 'vsdx', 'vsdm', 'vdx', 'vss', 'vst',
    'pub', 'cdr', 'wpd', 'wps', 'wpt', 'wks', 'wk1', '123', 'qpw', 'hwp', 'abw', 'zabw', 'lwp', 'wri',
    'emf', 'wmf',
];

export const DEFAULT_PREVIEW_EXTENSIONS: readonly string[] = [...TEXT, ...SPREADSHEET, ...PRESENTATION, ...DRAWING, ...ONLY_COLLABORA];

// previewExtensions is the admin's list (or the default) limited to what Collabora can open:
// an extension it cannot open would replace Mattermost's preview with an error.
export function previewExtensions(adminList: readonly string[], formats: Record<string, FormatSupport>): string[] {
    const wanted = adminList.length > 0 ? adminList : DEFAULT_PREVIEW_EXTENSIONS;
    return [...new Set(wanted)].filter((ext) => Object.hasOwn(formats, ext) && (formats[ext].view || formats[ext].edit));
}
