// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The fields of the hidden form that is POSTed into the editor iframe (wopi-collabora.md 2.1).
// The token travels here, never in the iframe URL (MSDOC hostpage.rst).

export type EditorFormOptions = {
    accessToken: string;

    // Absolute expiry in ms since the epoch (not a duration).
    accessTokenTtl: number;
    uiTheme?: 'light' | 'dark';

    // UI presets, e.g. {UIMode: 'notebookbar', TextRuler: 'false'}.
    uiDefaults?: Record<string, string>;

    // The Mattermost page origin, so postMessages flow before CheckFileInfo arrives.
    postMessageOrigin?: string;
};

export type EditorFormResult = {ok: true; fields: Array<[string, string]>} | {ok: false; error: string};

// ui_defaults is "Key=Value;Key=Value": those separators cannot appear inside a key or value.
const UI_DEFAULT_PART = /^[A-Za-z0-9_.-]+$/;

export function buildEditorFormFields(options: EditorFormOptions): EditorFormResult {
    if (options.accessToken === '' || !Number.isSafeInteger(options.accessTokenTtl) || options.accessTokenTtl < 0) {
        return {ok: false, error: 'access token and a ms access_token_ttl are required'};
    }
    const fields: Array<[string, string]> = [
        ['access_token', options.accessToken],
        ['access_token_ttl', String(options.accessTokenTtl)],
    ];
    const defaults: Record<string, string> = {...options.uiDefaults};
    if (options.uiTheme !== undefined) {
        // Both spellings: ui_theme for current builds, UITheme in ui_defaults as Nextcloud sends it
        // (NC:src/helpers/coolParameters.js).
        fields.push(['ui_theme', options.uiTheme]);
        defaults.UITheme = options.uiTheme;
    }
    const entries = Object.entries(defaults);
    for (const [key, value] of entries) {
        if (!UI_DEFAULT_PART.test(key) || !UI_DEFAULT_PART.test(value)) {
            return {ok: false, error: `ui_defaults entry ${key} contains characters Collabora cannot parse`};
        }
    }
    if (entries.length > 0) {
        fields.push(['ui_defaults', entries.map(([k, v]) => `${k}=${v}`).join(';')]);
    }
    if (options.postMessageOrigin !== undefined) {
        fields.push(['postmessage_origin', options.postMessageOrigin]);
    }
    return {ok: true, fields};
}
