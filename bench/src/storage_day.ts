// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Issue 17: what one document leaves in storage and in the KV store after a simulated working
// day, counted in the sidecar's own app over an in-memory Mattermost (the harness of
// api_call_census.ts): 8 hours of edits by 3 users in 6 editing sessions, an autosave every 5
// minutes and a save when a user goes idle, each session ended by an exit save. Then the post
// is deleted. Bytes are counted once per stored blob (a CopyFileInfos copy shares its bytes),
// and not once the shim removed them. The day runs once per retention setting: none
// (the pruner switched off, as the plugin was before), 5 sessions, and the default 20.
// Run: npx tsx bench/src/storage_day.ts

import {DEFAULT_REVISION_SESSIONS_KEPT} from '../../server-ts/src/config/settings';
import {Hooks} from '../../server-ts/src/runtime/hooks';
import {registerDocumentRemoval} from '../../server-ts/src/services';
import {WopiHarness} from '../../server-ts/src/testing/wopi_harness';

const SIZE = 1024 * 1024;
const SESSIONS = 6;
const DAY_MS = 8 * 60 * 60_000;
const AUTOSAVE_MS = 5 * 60_000;
const IDLE_SAVES_PER_SESSION = 2;

interface DayFigures {
    saves: number;
    files: number;
    bytes: number;
    revisions: number;
    keys: number;
    keysAfterDelete: number;
    keysAfterCleanup: number;
    bytesAfterCleanup: number;
}

// keepSessions null: the pruner is switched off, as the plugin was before retention.
async function day(keepSessions: number | null): Promise<DayFigures> {
    const h = await WopiHarness.start();
    try {
        if (keepSessions === null) {
            h.services.pruner.prune = async () => 0;
        } else {
            h.state.applyConfiguration({...h.state.rawSettings, RevisionSessionsKept: keepSessions, RevisionDaysKept: 0});
        }
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
        // Removals after a save run beside the answer to Collabora: let them finish.
        await h.services.pruner.prune(docId);
        const storedBytes = (): number => [...new Set([...h.api.files.values()].filter((f) => h.api.hasContent(f.info.id)).map((f) => f.data))].reduce((n, b) => n + b.length, 0);
        const storedFiles = [...h.api.files.values()].filter((f) => h.api.hasContent(f.info.id)).length;
        const docKeysNow = (): number => [...h.api.kv.keys()].filter((k) => k.includes(docId) || h.api.kv.get(k)?.value.toString('utf8') === docId).length;
        const doc = (await h.services.documents.get(docId))!;
        const figures = {saves, files: storedFiles, bytes: storedBytes(), revisions: doc.revisions.length, keys: docKeysNow()};

        const hooks = new Hooks(h.state);
        registerDocumentRemoval(h.services, hooks);
        const post = [...h.api.posts.values()].find((p) => p.file_ids?.includes(doc.attachedFileId))!;
        h.api.posts.delete(post.id);
        await hooks.postDeleted(post.id, post.file_ids ?? []);
        const keysAfterDelete = docKeysNow();
        await h.services.cleanup.run();
        return {...figures, keysAfterDelete, keysAfterCleanup: docKeysNow(), bytesAfterCleanup: storedBytes()};
    } finally {
        await h.stop();
    }
}

async function main(): Promise<void> {
    const runs: Array<[string, DayFigures]> = [
        ['no retention (before)', await day(null)],
        ['5 sessions kept', await day(5)],
        [`${DEFAULT_REVISION_SESSIONS_KEPT} sessions kept (default)`, await day(DEFAULT_REVISION_SESSIONS_KEPT)],
    ];
    const mib = (n: number): string => (n / SIZE).toFixed(1);
    const row = (label: string, cell: (f: DayFigures) => string): void => console.log(`| ${label} | ${runs.map(([, f]) => cell(f)).join(' | ')} |`);
    console.log(`| one ${mib(SIZE)} MiB document, ${SESSIONS} sessions, ${runs[0][1].saves} saves | ${runs.map(([name]) => name).join(' | ')} |`);
    console.log(`|---|${runs.map(() => '---:').join('|')}|`);
    row('files stored', (f) => String(f.files));
    row('bytes stored (distinct blobs)', (f) => `${mib(f.bytes)} MiB`);
    row('revisions listed', (f) => String(f.revisions));
    row('KV keys of the document', (f) => String(f.keys));
    row('KV keys right after the post is deleted', (f) => String(f.keysAfterDelete));
    row('KV keys after the cleanup job', (f) => String(f.keysAfterCleanup));
    row('bytes after the post is deleted and the cleanup job ran', (f) => `${mib(f.bytesAfterCleanup)} MiB`);
    const kept = Math.min(5, SESSIONS);
    console.log(`\nTarget with 5 sessions kept: ≤ (${kept} + 2) × document = ${kept + 2} MiB; measured ${mib(runs[1][1].bytes)} MiB.`);
}

void main();
