// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Readable} from 'node:stream';

import type {Services} from '../services';

import type {WopiRequestContext} from './wopi_gate';

// GetFile streams the document's current revision: whatever the last successful PutFile stored,
// on whichever node it happened.
export function getFile(services: Services, ctx: WopiRequestContext): {stream: Readable; size: number; version: string} {
    return {stream: services.state.api.getFile(ctx.doc.currentFileId), size: ctx.doc.size, version: String(ctx.doc.version)};
}
