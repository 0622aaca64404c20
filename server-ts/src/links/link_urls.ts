// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Services} from '../services';
import {PLUGIN_ID} from '../wopi/wopi_src';

import {LinkCodeStore, type LinkMode} from './link_codes';

// One code store per Services (it caches the derived MAC key); Services itself stays as the
// composition root built it.
const stores = new WeakMap<Services, LinkCodeStore>();

export function linkCodes(services: Services): LinkCodeStore {
    let store = stores.get(services);
    if (!store) {
        store = new LinkCodeStore(services.state.api, services.keys, services.now);
        stores.set(services, store);
    }
    return store;
}

export class SiteUrlMissingError extends Error {
    constructor() {
        super('Links need the Site URL: ask your system admin to set it in System Console > Environment > Web Server.');
        this.name = 'SiteUrlMissingError';
    }
}

// The public path of the link page, as the plugin sees it (Mattermost strips /plugins/<id>).
export const LINK_ROUTE = '/link/:code';

// issueLink returns the absolute link a browser opens: the Site URL, because the person opens
// it from Mattermost's own address, whatever address Collabora calls back on.
export async function issueLink(services: Services, userId: string, docId: string, mode: LinkMode): Promise<string> {
    const site = services.state.serverConfig.siteUrl;
    if (!site) {
        throw new SiteUrlMissingError();
    }
    const code = await linkCodes(services).issue(userId, docId, mode);
    return `${site}/plugins/${PLUGIN_ID}/link/${code}`;
}
