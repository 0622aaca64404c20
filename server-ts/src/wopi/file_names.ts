// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// File names users give a document: no path separators, no control characters, no markup that
// could surprise a reader of the channel, and a sane length.
const MAX_NAME_LENGTH = 200;
const FORBIDDEN = /[/\\<>:"|?*\u0000-\u001f\u007f]/;

export function isValidBaseName(name: string): boolean {
    const trimmed = name.trim();
    return trimmed.length > 0 && trimmed.length <= MAX_NAME_LENGTH && trimmed === name && !FORBIDDEN.test(name) && name !== '.' && name !== '..';
}

export function extensionOf(name: string): string {
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function stem(name: string): string {
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(0, dot) : name;
}
