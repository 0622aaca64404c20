// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The Node sidecar is killed (SIGKILL) in the middle of a PutFile: while the body is still
// arriving, and right after its last byte. The stored document must then be exactly the old
// bytes or exactly the new ones (never a mix, never truncated), the lock must survive, and the
// next PutFile of the same editing session must succeed once the shim has restarted Node.

import {randomBytes} from 'node:crypto';
import {request} from 'node:http';

import {waitFor} from '../stack/mm_client';
import {isAlive} from '../stack/processes';
import {readStack} from '../stack/stack';

import {sha256, sidecarPid, snapshot, waitHealthy} from './stress_stack';
import {useLockedSession} from './locked_session';
import {queryFor, wopiPath, type WopiSession} from './wopi_client';

const SIZE = 6 * 1024 * 1024;
const CHUNK = 64 * 1024;

interface StreamOutcome {
    status: number | null;
    error: string | null;
}

// Sends a PutFile of `body` in chunks and kills the sidecar once `killAfter` bytes were written.
function putFileKillingSidecar(session: WopiSession, body: Buffer, killAfter: number): Promise<StreamOutcome> {
    const stack = readStack();
    const target = `${wopiPath(session.target.pluginId, session.docId, '/contents')}?${queryFor(session.token, session.ttl)}`;
    const headers: Record<string, string> = {
        'X-WOPI-Override': 'PUT',
        'X-WOPI-Lock': session.lockId,
        'X-COOL-WOPI-IsModifiedByUser': 'true',
        'X-COOL-WOPI-IsAutosave': 'false',
        'X-COOL-WOPI-IsExitSave': 'false',
        'Content-Type': 'application/octet-stream',
        'Content-Length': String(body.length),
        ...session.target.signer.signRequest({accessToken: session.token, url: stack.url + target}),
    };
    if (session.lastModifiedTime) {
        headers['X-COOL-WOPI-Timestamp'] = session.lastModifiedTime;
    }
    const {hostname, port} = new URL(stack.url);
    return new Promise((resolve) => {
        let settled = false;
        const done = (o: StreamOutcome): void => {
            if (!settled) {
                settled = true;
                resolve(o);
            }
        };
        const req = request({host: hostname, port, method: 'POST', path: target, headers}, (res) => {
            res.resume();
            res.on('end', () => done({status: res.statusCode ?? null, error: null}));
            res.on('error', (err) => done({status: res.statusCode ?? null, error: err.message}));
        });
        req.on('error', (err) => done({status: null, error: err.message}));
        const victim = sidecarPid();
        let sent = 0;
        let killed = false;
        const pump = (): void => {
            while (sent < body.length) {
                if (!killed && sent >= killAfter) {
                    killed = true;
                    process.kill(victim, 'SIGKILL');
                    // Keep sending a moment later, as Collabora would, into whatever is left.
                    setTimeout(pump, 200);
                    return;
                }
                const end = Math.min(sent + CHUNK, body.length);
                const ok = req.write(body.subarray(sent, end));
                sent = end;
                if (!ok) {
                    req.once('drain', pump);
                    return;
                }
            }
            if (!killed) {
                killed = true;
                process.kill(victim, 'SIGKILL');
            }
            req.end();
        };
        pump();
        setTimeout(() => {
            req.destroy();
            done({status: null, error: 'no answer within 60 s'});
        }, 60_000).unref();
    });
}

describe('sidecar killed during PutFile', () => {
    const s = useLockedSession('member2', 'public/sample.odt');

    // Fractions of the body sent before the kill: 1 means right after the last byte.
    it.each([0.1, 0.5, 0.9, 1])('keeps old or new bytes and saves again when killed after %p of the body', async (fraction) => {
        const old = await snapshot(s.id);
        const body = randomBytes(SIZE);
        const pid = sidecarPid();
        const outcome = await putFileKillingSidecar(s.session, body, Math.floor(body.length * fraction));
        await waitFor('the killed sidecar to be gone', async () => (isAlive(pid) ? undefined : true), 5_000, 50);
        await waitHealthy(30_000);
        expect(sidecarPid()).not.toBe(pid);

        const after = await snapshot(s.id);
        const stored = after.sha256 === sha256(body) ? 'new' : after.sha256 === old.sha256 ? 'old' : 'other';
        console.log(`kill after ${fraction * 100}% of ${SIZE} bytes: answer ${outcome.status ?? outcome.error}, stored ${stored} (${after.size} bytes)`);
        expect(stored).not.toBe('other');
        if (fraction < 1) {
            // Not all bytes were sent before the kill: nothing may have been stored.
            expect(stored).toBe('old');
        }
        if (outcome.status === 200) {
            expect(stored).toBe('new');
        }
        // The lock is in the KV store: the new sidecar knows it.
        expect((await s.session.getLock()).headers['x-wopi-lock']).toBe(s.session.lockId);

        // The same session saves again. When the interrupted save did land, Collabora holds a
        // timestamp that is now stale: the host says so (1010) and the user's choice to
        // overwrite sends the save without a timestamp.
        const next = randomBytes(256 * 1024);
        let res = await s.session.putFile(next);
        if (stored === 'new' && outcome.status !== 200) {
            expect(res.status).toBe(409);
            expect(res.json()).toMatchObject({COOLStatusCode: 1010});
            res = await s.session.putFile(next, {timestamp: null});
        }
        expect(res.status).toBe(200);
        const saved = await snapshot(s.id);
        expect(saved.sha256).toBe(sha256(next));
        expect(saved.revisionCount).toBe(after.revisionCount + 1);
    });
});
