// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {createHmac, randomBytes, timingSafeEqual} from 'node:crypto';

import type {PluginApi} from '../mattermost/plugin_api';
import type {SigningKeyStore} from '../tokens/signing_key_store';

// One-time codes for links that open a document in any browser, without a Mattermost session:
// the mobile apps and "Open in a new tab". A code is not a token: it grants nothing by itself,
// it only names a KV record {user, document, mode} that one redemption consumes within a
// minute. The record is deleted by compare-and-set, so on a cluster exactly one node wins.
//
// A code carries a MAC of its random part, so a forged code is told apart from a used or
// expired one without storing anything for it: forged -> 404, used/expired -> 410.

export type LinkMode = 'view' | 'edit';

export interface LinkClaim {
    userId: string;
    docId: string;
    mode: LinkMode;
    // Milliseconds since the epoch; the KV expiry is the backstop, this is the rule.
    expiresAt: number;
}

export type Redemption = {status: 'ok'; claim: LinkClaim} | {status: 'gone'} | {status: 'forged'};

export const LINK_TTL_MS = 60_000;
export const linkKey = (code: string): string => `link:${code}`;

const NONCE_BYTES = 18;
const MAC_BYTES = 12;
// base64url of 18 + 12 bytes: 24 + 16 characters, no padding.
const CODE_SHAPE = /^[A-Za-z0-9_-]{40}$/;
const NONCE_CHARS = 24;

export class LinkCodeStore {
    private macKey: Buffer | null = null;

    constructor(private readonly api: PluginApi, private readonly keys: SigningKeyStore, private readonly now: () => number) {}

    async issue(userId: string, docId: string, mode: LinkMode): Promise<string> {
        const nonce = randomBytes(NONCE_BYTES).toString('base64url');
        const code = nonce + (await this.mac(nonce));
        const claim: LinkClaim = {userId, docId, mode, expiresAt: this.now() + LINK_TTL_MS};
        // A fresh random key cannot exist yet; "only if absent" still guards against the
        // impossible rather than overwrite someone else's record.
        const written = await this.api.kvSetWithOptions(linkKey(code), Buffer.from(JSON.stringify(claim)), {
            atomic: {oldValue: null},
            expireInSeconds: Math.ceil(LINK_TTL_MS / 1000),
        });
        if (!written) {
            throw new Error('A link code collided with an existing one.');
        }
        return code;
    }

    // check tells what a redemption would find, without consuming anything: link previews and
    // other robots that fetch a URL must not use up the user's code.
    async check(code: string): Promise<Redemption['status']> {
        if (!(await this.authentic(code))) {
            return 'forged';
        }
        const claim = this.parse(await this.api.kvGet(linkKey(code)));
        return claim && claim.expiresAt > this.now() ? 'ok' : 'gone';
    }

    async redeem(code: string): Promise<Redemption> {
        if (!(await this.authentic(code))) {
            return {status: 'forged'};
        }
        const key = linkKey(code);
        const raw = await this.api.kvGet(key);
        const claim = this.parse(raw);
        if (!raw || !claim) {
            return {status: 'gone'};
        }
        // Compare-and-delete: of concurrent redemptions, only the one that still sees these
        // exact bytes deletes them.
        const won = await this.api.kvSetWithOptions(key, null, {atomic: {oldValue: raw}});
        if (!won || claim.expiresAt <= this.now()) {
            return {status: 'gone'};
        }
        return {status: 'ok', claim};
    }

    private parse(raw: Buffer | null): LinkClaim | null {
        if (!raw) {
            return null;
        }
        try {
            const v = JSON.parse(raw.toString('utf8')) as Partial<LinkClaim>;
            const ok = typeof v.userId === 'string' && typeof v.docId === 'string' && (v.mode === 'view' || v.mode === 'edit') && typeof v.expiresAt === 'number';
            return ok ? (v as LinkClaim) : null;
        } catch {
            return null;
        }
    }

    private async authentic(code: string): Promise<boolean> {
        if (!CODE_SHAPE.test(code)) {
            return false;
        }
        const expected = Buffer.from(await this.mac(code.slice(0, NONCE_CHARS)));
        const given = Buffer.from(code.slice(NONCE_CHARS));
        return expected.length === given.length && timingSafeEqual(expected, given);
    }

    private async mac(nonce: string): Promise<string> {
        if (!this.macKey) {
            // Derived from the token signing key, so codes and WOPI tokens never share a MAC.
            this.macKey = createHmac('sha256', await this.keys.get()).update('collabora-link-code-v1').digest();
        }
        return createHmac('sha256', this.macKey).update(nonce).digest().subarray(0, MAC_BYTES).toString('base64url');
    }
}
