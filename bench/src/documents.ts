// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import type {BenchContext} from './bench_context';
import {expectStatus, send, type Reply} from './http_client';

// A document body of `size` bytes. Random, so no layer can compress it away.
export const bytesOf = (size: number): Buffer => randomBytes(size);

// POST /api/v4/files with the raw body (Mattermost's streaming "simple upload"): the baseline of
// PutFile, and how benchmark documents are created.
export function uploadToMattermost(ctx: BenchContext, name: string, body: Buffer): Promise<Reply> {
    const query = new URLSearchParams({channel_id: ctx.channelId, filename: name});
    return send(ctx.base, {
        method: 'POST', path: `/api/v4/files?${query.toString()}`, body, keepBody: true,
        headers: {Authorization: `Bearer ${ctx.token}`, 'Content-Type': 'application/octet-stream'},
    });
}

// GET /api/v4/files/{id}: the baseline of GetFile.
export function downloadFromMattermost(ctx: BenchContext, fileId: string): Promise<Reply> {
    return send(ctx.base, {method: 'GET', path: `/api/v4/files/${fileId}`, headers: {Authorization: `Bearer ${ctx.token}`}});
}

// GET /api/v4/files/{id}/info: the baseline of CheckFileInfo.
export function fileInfoFromMattermost(ctx: BenchContext, fileId: string): Promise<Reply> {
    return send(ctx.base, {method: 'GET', path: `/api/v4/files/${fileId}/info`, headers: {Authorization: `Bearer ${ctx.token}`}});
}

// A document as users make them: the file uploaded, then posted in the channel. Returns the
// file id (which is also the plugin's document id).
export async function postDocument(ctx: BenchContext, name: string, body: Buffer): Promise<string> {
    const uploaded = expectStatus(await uploadToMattermost(ctx, name, body), 201, `upload of ${name}`);
    const fileId = (JSON.parse(uploaded.body!.toString('utf8')) as {file_infos: Array<{id: string}>}).file_infos[0].id;
    const post = Buffer.from(JSON.stringify({channel_id: ctx.channelId, message: `bench ${name}`, file_ids: [fileId]}));
    expectStatus(await send(ctx.base, {
        method: 'POST', path: '/api/v4/posts', body: post, keepBody: true,
        headers: {Authorization: `Bearer ${ctx.token}`, 'Content-Type': 'application/json'},
    }), 201, `post of ${name}`);
    return fileId;
}
