// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {kvUpdateJson} from '../kv/json_kv';
import type {PluginApi} from '../mattermost/plugin_api';

import {generateTokenKey, parseTokenKey} from './token_key';

const KEY_NAME = 'token_signing_key';

// The HMAC key that signs WOPI tokens is generated once, by whichever node needs it first, and
// kept in the KV store so that every node verifies every other node's tokens.
export class SigningKeyStore {
    private key: Buffer | null = null;

    constructor(private readonly api: PluginApi) {}

    async get(): Promise<Buffer> {
        if (this.key) {
            return this.key;
        }
        const candidate = generateTokenKey();
        const encoded = await kvUpdateJson<string, string>(this.api, KEY_NAME, (cur) => (cur ? {next: undefined, result: cur} : {next: candidate, result: candidate}));
        const parsed = parseTokenKey(encoded);
        if (!parsed.ok) {
            throw new Error(`The stored token key is damaged: ${parsed.error}`);
        }
        this.key = parsed.key;
        return this.key;
    }
}
