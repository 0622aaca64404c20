// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance} from 'fastify';

import {bridgeContext} from '../http/bridge_headers';
import {messagePage} from '../links/link_pages';
import {issueLink, SiteUrlMissingError} from '../links/link_urls';
import type {Services} from '../services';

import {ApiError} from './api_error';
import {sendPage} from './link_redeem';
import {visibleDocument} from './visible_document';

// GET /plugins/<id>/open/<fileId>: a lasting link to a document, for posts (mention
// notifications). It holds no credential: the Mattermost session decides. Signed in and allowed,
// the browser goes on through a fresh one-time link to the editor (the best mode the person
// may use); not signed in, a page that asks to sign in first; no access, a page that says so
// without telling whether the document exists.

export const OPEN_ROUTE = '/open/:fileId';

export function registerOpenRedirectRoute(app: FastifyInstance, services: Services): void {
    app.get<{Params: {fileId: string}}>(OPEN_ROUTE, async (request, reply) => {
        const userId = bridgeContext(request.headers, request.url).userId;
        const site = services.state.serverConfig.siteUrl;
        if (!userId) {
            // Not a redirect to the login page: Mattermost's web app routes redirect_to inside its
            // own pages after login, where a plugin path is unknown.
            return sendPage(reply, messagePage(401, 'Sign in to Mattermost first', `Sign in to Mattermost${site ? ` at ${site}` : ''} in this browser, then open the link again.`));
        }
        let target: string;
        try {
            const {doc, rights} = await visibleDocument(services, userId, request.params.fileId);
            target = await issueLink(services, userId, doc.docId, rights.decision.access === 'edit' ? 'edit' : 'view');
        } catch (err) {
            if (err instanceof ApiError && err.status === 404) {
                return sendPage(reply, messagePage(404, 'You cannot open this document', 'It does not exist any more, or you do not have access to it: you may have left its channel. Ask someone in the channel if you need it.'));
            }
            if (err instanceof SiteUrlMissingError) {
                return sendPage(reply, messagePage(503, 'The document cannot be opened right now', err.message));
            }
            throw err;
        }
        return reply.code(302).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(target);
    });
}
