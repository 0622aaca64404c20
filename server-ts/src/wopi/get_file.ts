// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Readable} from 'node:stream';

import type {Services} from '../services';

import type {WopiRequestContext} from './wopi_gate';

// GetFile answers with the document's current revision: whatever the last successful PutFile
// stored, on whichever node it happened. Behind the shim, the shim sends the file's bytes itself
// (sendFileId), so they never pass through Node; elsewhere (tests) they are streamed from here.
export type GetFileAnswer = {version: string} & ({sendFileId: string} | {stream: Readable; size: number});

export function getFile(services: Services, ctx: WopiRequestContext, shimSendsFiles: boolean): GetFileAnswer {
    const version = String(ctx.doc.version);
    if (shimSendsFiles) {
        return {version, sendFileId: ctx.doc.currentFileId};
    }
    return {version, stream: services.state.api.getFile(ctx.doc.currentFileId), size: ctx.doc.size};
}
