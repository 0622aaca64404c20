// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// summaryName puts a document name into a post as an inline code span. A rename can make the
// name anything (`@channel`, `**bold**`, a link), and a post made through the Plugin API
// skips Mattermost's channel-mention permission checks. Mattermost finds mentions only in the
// text nodes of the parsed markdown (app/notification.go, getExplicitMentions), never inside
// code, and the webapp renders code as it is: no mention, no markup. Backslash escapes would
// not do: `\@channel` parses to the text "@channel", which notifies.
export function summaryName(name: string): string {
    // Line breaks would end the span; control characters have no place in a name.
    const flat = name.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim() || 'document';
    const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longestRun + 1);
    // CommonMark strips one space from each side, so a name starting or ending with a
    // backtick keeps it.
    const padded = flat.startsWith('`') || flat.endsWith('`') ? ` ${flat} ` : flat;
    return `${fence}${padded}${fence}`;
}
