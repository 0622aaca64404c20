// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// UTF-7 as Collabora produces it with iconv("UTF-7") for X-WOPI-SuggestedTarget and
// X-WOPI-RequestedName (COOL:wsd/wopi/WopiStorage.cpp): only RFC 2152 Set D and space go direct;
// '%', '!', '&' and other Set O characters are base64-encoded ("hello%20world" ->
// "hello+ACU-20world", COOL:test/UnitWOPISaveAsWithEncodedFileName.cpp). Runs are always
// closed with '-'.
const DIRECT = /^[A-Za-z0-9'(),\-./:? ]$/;

export function encodeUtf7(text: string): string {
    let out = '';
    let run = '';
    const flush = () => {
        if (run !== '') {
            out += `+${Buffer.from(run, 'utf16le').swap16().toString('base64').replace(/=+$/, '')}-`;
            run = '';
        }
    };
    for (const ch of text) {
        if (ch === '+') {
            flush();
            out += '+-';
        } else if (DIRECT.test(ch)) {
            flush();
            out += ch;
        } else {
            run += ch;
        }
    }
    flush();
    return out;
}
