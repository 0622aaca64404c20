// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {randomBytes} from 'node:crypto';

import {kvGetJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

import type {DocumentRecord} from './document_record';

// An upload marker is written before a revision is stored and removed once the record names it
// (or the upload failed). A node that dies in between leaves the marker, and the cleanup job
// finds the file it left by it: the upload's channel, name and time, unattached, that no file:
// record names. The file itself cannot be known in advance: Mattermost gives its id at the end.

export const UPLOAD_MARKER_PREFIX = 'upload:';

export interface UploadMarker {
    docId: string;
    channelId: string;
    name: string;
    since: number;
}

export class UploadMarkers {
    constructor(private readonly api: PluginApi, private readonly now: () => number) {}

    async begin(doc: DocumentRecord, name: string): Promise<string> {
        const key = `${UPLOAD_MARKER_PREFIX}${doc.docId}:${randomBytes(6).toString('hex')}`;
        const marker: UploadMarker = {docId: doc.docId, channelId: doc.channelId, name, since: this.now()};
        await this.api.kvSetWithOptions(key, Buffer.from(JSON.stringify(marker)));
        return key;
    }

    async end(key: string): Promise<void> {
        await this.api.kvDelete(key);
    }

    async read(key: string): Promise<UploadMarker | null> {
        return (await kvGetJson<UploadMarker>(this.api, key))?.value ?? null;
    }
}
