// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// A post's message as Mattermost renders it: markdown, @mentions (highlighted, with the profile popover),
// emoji, through the renderer the web app exposes to plugins (webapp/channels/src/plugins/export.ts:
// window.PostUtils = {formatText, messageHtmlToComponent}). Without it (another host), the plain text.
import React from 'react';
import type {ReactNode} from 'react';

type PostUtils = {
    formatText: (text: string, options?: Record<string, unknown>) => string;
    messageHtmlToComponent: (html: string, options?: Record<string, unknown>) => ReactNode;
};

export function hostPostUtils(): PostUtils | null {
    const utils = (window as unknown as {PostUtils?: Partial<PostUtils>}).PostUtils;
    return typeof utils?.formatText === 'function' && typeof utils.messageHtmlToComponent === 'function' ? utils as PostUtils : null;
}

type Props = {message: string; siteUrl: string};

export default function PostText({message, siteUrl}: Props) {
    const utils = hostPostUtils();
    if (!utils) {
        return <div className='co-thread__text co-thread__text--plain'>{message}</div>;
    }
    const html = utils.formatText(message, {atMentions: true, markdown: true, mentionHighlight: true, siteURL: siteUrl});
    return (
        <div className='co-thread__text'>
            {utils.messageHtmlToComponent(html, {mentions: true, mentionHighlight: true, emoji: true, markdown: true, images: false, latex: false, inlinelatex: false})}
        </div>
    );
}
