// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Mattermost's own REST API (not the plugin's, see client.ts), through Mattermost's client library: the
// editor's thread panel reads the document's thread and posts replies with it. Same-origin cookies carry
// the session; Client4 sends the MMCSRF cookie back as X-CSRF-Token on posts.
import {Client4} from '@mattermost/client';

export const mattermost = new Client4();

// `root` is the Site URL's path ('' or '/chat').
export function setMattermostUrl(root: string): void {
    mattermost.setUrl(`${window.location.origin}${root.replace(/\/+$/, '')}`);
    mattermost.setIncludeCookies(true);
}
