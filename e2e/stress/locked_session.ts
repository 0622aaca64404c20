// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ControlledCollabora} from './discovery_control';
import {fileId, openSession, useCollabora} from './stress_stack';
import type {WopiSession} from './wopi_client';

// An editing session as fault tests need it: a Collabora stand-in the plugin uses, and a session
// on one seeded document that passed CheckFileInfo and holds the lock. Registers its own
// beforeAll/afterAll; the fields are set once beforeAll has run.
export interface LockedSession {
    collabora: ControlledCollabora;
    session: WopiSession;
    id: string;
}

export function useLockedSession(user: Parameters<typeof openSession>[0], fixture: string): LockedSession {
    const ctx = {collabora: new ControlledCollabora()} as LockedSession;
    beforeAll(async () => {
        await ctx.collabora.start();
        await useCollabora(ctx.collabora);
        ctx.id = fileId(fixture);
        ctx.session = await openSession(user, ctx.id, 'edit', ctx.collabora);
        expect((await ctx.session.checkFileInfo()).status).toBe(200);
        expect((await ctx.session.lock()).status).toBe(200);
    });
    afterAll(async () => {
        await ctx.session?.unlock().catch(() => undefined);
        await ctx.collabora.close();
    });
    return ctx;
}
