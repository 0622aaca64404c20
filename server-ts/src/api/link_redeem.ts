// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {FastifyInstance, FastifyReply} from 'fastify';

import {buildEditorFormFields} from '../collabora/editor_form_fields';
import {linkCodes, LINK_ROUTE} from '../links/link_urls';
import {editorPage, isPhone, messagePage, openerPage, type Page} from '../links/link_pages';
import type {Services} from '../services';

import {ApiError} from './api_error';
import {editorSession, languageOf} from './editor_session';

// The public link page, /plugins/<id>/link/<code>: no Mattermost session, the one-time code is
// the only credential. GET shows an opener that POSTs back; the POST redeems the code, checks
// the user's rights again and serves the editor. Every outcome is a page a person can read.

const FORGED = (): Page => messagePage(404, 'This link does not exist', 'Check that you copied the whole link, or ask Mattermost for a new one.');
const GONE = (): Page => messagePage(410, 'This link was already used or has expired', 'Links to documents work once, within a minute. Get a new one in Mattermost: run /collabora open in the channel, or use "Open in a new tab" in the editor.');

export function sendPage(reply: FastifyReply, page: Page): FastifyReply {
    return reply.code(page.status).headers(page.headers).send(page.html);
}

async function redeem(services: Services, code: string, userAgent: string | undefined, acceptLanguage: string | string[] | undefined): Promise<Page> {
    const redemption = await linkCodes(services).redeem(code);
    if (redemption.status === 'forged') {
        return FORGED();
    }
    if (redemption.status === 'gone') {
        return GONE();
    }
    const {userId, docId, mode} = redemption.claim;
    const stored = await services.documents.get(docId);
    const doc = stored ? await services.live.confirm(stored) : null;
    const rights = doc ? await services.access.rights(userId, doc) : null;
    if (!doc || !rights || rights.decision.access === 'none') {
        // Same page whether the document is gone or the user lost access (left the channel,
        // was deactivated): a stale link tells nothing about the document.
        services.state.log.info('Link refused at redemption', {user_id: userId, doc_id: docId, reason: rights?.decision.code ?? 'NO_DOCUMENT'});
        return messagePage(403, 'You cannot open this document', 'You no longer have access to it: you may have left its channel, or the file was removed. Ask someone in the channel if you need it.');
    }
    let session;
    try {
        session = await editorSession(services, userId, doc, rights, mode, {lang: languageOf(acceptLanguage), closeButton: false, revisionHistory: false});
    } catch (err) {
        if (err instanceof ApiError) {
            return messagePage(err.status, 'The document cannot be opened right now', err.message);
        }
        throw err;
    }
    const form = buildEditorFormFields({accessToken: session.accessToken, accessTokenTtl: session.accessTokenTtl, postMessageOrigin: session.postMessageOrigin || undefined});
    if (!form.ok) {
        throw new Error(form.error);
    }
    services.state.log.info('Link redeemed', {user_id: userId, doc_id: docId, mode: session.mode});
    return editorPage({
        actionUrl: session.actionUrl,
        fields: form.fields,
        fileName: session.fileName,
        viewOnly: session.mode === 'view',
        downgraded: mode === 'edit' && session.mode === 'view' && rights.decision.access !== 'edit',
        phone: isPhone(userAgent),
    });
}

export function registerLinkRedeemRoutes(app: FastifyInstance, services: Services): void {
    app.get<{Params: {code: string}}>(LINK_ROUTE, async (request, reply) => {
        const status = await linkCodes(services).check(request.params.code);
        return sendPage(reply, status === 'forged' ? FORGED() : status === 'gone' ? GONE() : openerPage());
    });
    app.post<{Params: {code: string}}>(LINK_ROUTE, async (request, reply) => {
        const page = await redeem(services, request.params.code, request.headers['user-agent'], request.headers['accept-language']);
        return sendPage(reply, page);
    });
}
