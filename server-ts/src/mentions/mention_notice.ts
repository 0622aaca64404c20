// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {UserProfile} from '@mattermost/types/users';

import type {DocumentRecord} from '../documents/document_record';
import {summaryName} from '../documents/summary_name';
import type {Services} from '../services';
import {PLUGIN_ID} from '../wopi/wopi_src';

// The notification for an @mention in a document: a reply in the document's thread, by the
// person who mentioned, that @mentions the person picked, so Mattermost notifies them as for any
// mention (push, email, the mentions list), with a link that opens the document's editor.
//
// One notification per mentioner, person and editing session: the editing session is the
// document's own (the count of sessions that ended), the same on every node. The claim is a KV
// key written only if absent, so two nodes (or two quick clicks) never both post.

export const MENTION_PROP = 'collabora_mention';
// A backstop so claims never pile up; editors stay open for up to a day.
const CLAIM_EXPIRY_SECONDS = 24 * 60 * 60;

export const mentionClaimKey = (doc: DocumentRecord, mentionerId: string, mentionedId: string): string =>
    `mention:${doc.docId}:${doc.sessionsEnded ?? 0}:${mentionerId}:${mentionedId}`;

// openDocumentUrl opens the editor at the document from anywhere a link can be clicked: the
// plugin's /open route checks the session and rights, then sends the browser on through a
// one-time link. Mattermost's web app opens /plugins/ links in a new tab rather than routing them
// itself (webapp/channels/src/utils/markdown/renderer.tsx, link: unhandledPaths), so the editor
// opens beside Mattermost, as "Open in a new tab" does.
export function openDocumentUrl(services: Services, doc: DocumentRecord): string {
    return `${services.state.serverConfig.siteUrl}/plugins/${PLUGIN_ID}/open/${doc.docId}`;
}

export function mentionMessage(services: Services, doc: DocumentRecord, mentioner: UserProfile, mentioned: UserProfile): string {
    // Both names are followed by a space: Mattermost reads a mention up to the next separator.
    const text = `@${mentioner.username} mentioned @${mentioned.username} in ${summaryName(doc.name)} in Collabora Online.`;

    // Without a Site URL there is no address to link to (emails and the mobile apps need a full
    // one); the notification still goes out.
    return services.state.serverConfig.siteUrl ? `${text} [Open the document](${openDocumentUrl(services, doc)})` : text;
}

export type NoticeResult = 'notified' | 'already_notified';

export async function postMentionNotice(services: Services, doc: DocumentRecord, mentioner: UserProfile, mentioned: UserProfile): Promise<NoticeResult> {
    const api = services.state.api;
    const key = mentionClaimKey(doc, mentioner.id, mentioned.id);
    const claimed = await api.kvSetWithOptions(key, Buffer.from(String(services.now())), {atomic: {oldValue: null}, expireInSeconds: CLAIM_EXPIRY_SECONDS});
    if (!claimed) {
        return 'already_notified';
    }
    try {
        const root = await api.getPost(doc.postId);
        await api.createPost({
            user_id: mentioner.id,
            channel_id: doc.channelId,
            root_id: root.root_id || root.id,
            message: mentionMessage(services, doc, mentioner, mentioned),
            props: {[MENTION_PROP]: doc.docId, from_plugin: 'true'},
        });
    } catch (err) {
        // Nobody was notified: give the claim back so that picking the person again retries.
        await api.kvDelete(key).catch(() => undefined);
        throw err;
    }
    return 'notified';
}
