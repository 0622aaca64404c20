// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// window.PostUtils as Mattermost's web app exposes it to plugins (webapp/channels/src/plugins/export.ts:
// {formatText, messageHtmlToComponent}): formatText turns a message into HTML (utils/text_formatting.tsx),
// messageHtmlToComponent turns that HTML into React elements (utils/message_html_to_component.tsx), with
// @mentions as links (the web app's AtMention). Reduced to what the host renders elsewhere, the same
// small Markdown subset as channel_view.tsx (**bold**, `code`, [links](url)) plus @mentions, and HTML
// escaped first, as formatText does, so a message can never inject markup.

import React from 'react';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function formatText(text: string, options: {atMentions?: boolean} = {}): string {
    let html = escapeHtml(text);
    const codes: string[] = [];

    // Code first: nothing inside a code span is formatted, mentions included.
    html = html.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_m, _fence: string, code: string) => {
        codes.push(`<code>${code.trim()}</code>`);
        return `\u0000${codes.length - 1}\u0000`;
    });
    html = html.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
    html = html.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a class="markdown__link" href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
    if (options.atMentions) {
        html = html.replace(/(^|[\s(])@([a-z0-9._-]*[a-z0-9_-])/gi, '$1<span class="mention-link" data-mention="$2">@$2</span>');
    }
    html = html.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)]);
    return `<p>${html.replace(/\n/g, '<br>')}</p>`;
}

export function messageHtmlToComponent(html: string): React.ReactNode {
    return <div className='post-message__text' dangerouslySetInnerHTML={{__html: html}}/>;
}

export const PostUtils = {formatText, messageHtmlToComponent};
