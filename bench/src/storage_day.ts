// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17: what one document leaves in storage and in the KV store after a simulated working
// day, counted in the sidecar's own app over an in-memory Mattermost (the harness of
// api_call_census.ts): 8 hours of edits by 3 users in 6 editing sessions, an autosave every 5
// minutes and a save when a user goes idle, each session ended by an exit save. Then the post
// is deleted. Bytes are counted once per stored blob (a CopyFileInfos copy shares its bytes).
// "If retention applied" is what documents/retention_plan.ts would keep (not applied yet: the
// Plugin API cannot delete a file). Run: npx tsx bench/src/storage_day.ts

import {revisionsToRemove} from '../../server-ts/src/documents/retention_plan';
import {Hooks} from '../../server-ts/src/runtime/hooks';
import {registerDocumentRemoval} from '../../server-ts/src/services';
import {WopiHarness} from '../../server-ts/src/testing/wopi_harness';

const SIZE = 1024 * 1024;
const SESSIONS = 6;
const DAY_MS = 8 * 60 * 60_000;
const AUTOSAVE_MS = 5 * 60_000;
const IDLE_SAVES_PER_SESSION = 2;
const KEEP = {keepSessions: 5, keepDays: 30};

async function main(): Promise<void> {
    const h = await WopiHarness.start();
    try {
        const users = ['ana', 'ben', 'cy'].map((n) => h.addUser(n));
        const docId = await h.postDocument(users[0], 'day.docx', Buffer.alloc(SIZE, 1));
        const sessionMs = DAY_MS / SESSIONS;
        let fill = 2;
        let saves = 0;
        for (let s = 0; s < SESSIONS; s++) {
            const user = users[s % users.length];
            const token = await h.token(user, docId, 'edit', 36_000);
            const lockId = `cool-lock${String(s).padStart(16, '0')}`;
            const call = (headers: Record<string, string>, body?: Buffer) => h.wopi('POST', docId, token, {contents: body !== undefined, body, headers: {'X-WOPI-Lock': lockId, ...headers}});
            await h.wopi('GET', docId, token);
            await call({'X-WOPI-Override': 'LOCK'});
            const autosaves = Math.floor(sessionMs / AUTOSAVE_MS);
            for (let i = 0; i < autosaves + IDLE_SAVES_PER_SESSION; i++) {
                h.clock += i < autosaves ? AUTOSAVE_MS : 60_000;
                // Collabora marks the timer's saves and the save when a user goes idle alike.
                const res = await call({'X-WOPI-Override': 'PUT', 'X-COOL-WOPI-IsAutosave': 'true', 'X-COOL-WOPI-IsModifiedByUser': 'true'}, Buffer.alloc(SIZE, fill++ % 250));
                if (res.statusCode !== 200) {
                    throw new Error(`PutFile answered ${res.statusCode}`);
                }
                saves++;
            }
            await call({'X-WOPI-Override': 'PUT', 'X-COOL-WOPI-IsExitSave': 'true', 'X-COOL-WOPI-IsModifiedByUser': 'true'}, Buffer.alloc(SIZE, fill++ % 250));
            saves++;
            await call({'X-WOPI-Override': 'UNLOCK'});
        }
        const blobs = new Set([...h.api.files.values()].map((f) => f.data));
        const bytes = [...blobs].reduce((n, b) => n + b.length, 0);
        const keys = [...h.api.kv.keys()];
        const doc = (await h.services.documents.get(docId))!;
        const docKeys = keys.filter((k) => k.includes(docId) || h.api.kv.get(k)?.value.toString('utf8') === docId);
        const removable = new Set(revisionsToRemove(doc, KEEP, h.clock));
        const keptBytes = doc.revisions.filter((r) => !removable.has(r.fileId)).reduce((n, r) => n + r.size, 0);

        const hooks = new Hooks(h.state);
        registerDocumentRemoval(h.services, hooks);
        const post = [...h.api.posts.values()].find((p) => p.file_ids?.includes(doc.attachedFileId))!;
        h.api.posts.delete(post.id);
        await hooks.postDeleted(post.id, post.file_ids ?? []);
        const docKeysNow = (): number => [...h.api.kv.keys()].filter((k) => k.includes(docId) || h.api.kv.get(k)?.value.toString('utf8') === docId).length;
        const keysAfterDelete = docKeysNow();
        await h.services.cleanup.run();
        const keysAfterCleanup = docKeysNow();

        const mib = (n: number): string => (n / SIZE).toFixed(1);
        console.log(`| one ${mib(SIZE)} MiB document, ${SESSIONS} sessions, ${saves} saves | value |`);
        console.log('|---|---:|');
        console.log(`| FileInfos stored | ${h.api.files.size} |`);
        console.log(`| bytes stored (distinct blobs) | ${mib(bytes)} MiB (${(bytes / SIZE).toFixed(1)} × document) |`);
        console.log(`| revisions listed | ${doc.revisions.length} |`);
        console.log(`| KV keys of the document | ${docKeys.length} |`);
        console.log(`| if retention applied (${KEEP.keepSessions} sessions): revisions kept | ${doc.revisions.length - removable.size} |`);
        console.log(`| if retention applied: bytes kept | ${mib(keptBytes)} MiB; target ≤ (${KEEP.keepSessions} + 2) × document = ${KEEP.keepSessions + 2} MiB |`);
        console.log(`| KV keys after the post is deleted | ${keysAfterDelete} (file: keys of revisions past the ${doc.revisions.length} listed) |`);
        console.log(`| KV keys after the cleanup job | ${keysAfterCleanup} |`);
        console.log(`| bytes stored after the post is deleted | ${mib([...new Set([...h.api.files.values()].map((f) => f.data))].reduce((n, b) => n + b.length, 0))} MiB (files are not deleted: no Plugin API call) |`);
    } finally {
        await h.stop();
    }
}

void main();
