// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Malformed WOPI requests, generated with fast-check. Each case is a request Collabora could
// send (an operation on a real document with a real token and a valid proof) with at least one
// defect that must make the plugin refuse it: a bad token, a bad proof, an odd document id, a bad
// lock id or name, an oversized body, a wrong method or override, or broken headers. Reads
// (CheckFileInfo, GetFile, GetLock) may still succeed when their defect does not concern them;
// writes never may.

import {createHmac, randomBytes} from 'node:crypto';

import fc from 'fast-check';

import {encodeUtf7, type ProofSigner} from '../collabora';

import type {RawRequest} from './raw_http';
import {queryFor, wopiPath} from './wopi_client';

export const OPS = ['CheckFileInfo', 'GetFile', 'GetLock', 'PutFile', 'Lock', 'Unlock', 'RefreshLock', 'UnlockAndRelock', 'PutRelative', 'Rename'] as const;
export type Op = typeof OPS[number];
export const READ_OPS: ReadonlySet<Op> = new Set<Op>(['CheckFileInfo', 'GetFile', 'GetLock']);
const LOCK_OPS: ReadonlySet<Op> = new Set<Op>(['PutFile', 'Lock', 'Unlock', 'RefreshLock', 'UnlockAndRelock', 'Rename']);
const BODY_OPS: ReadonlySet<Op> = new Set<Op>(['PutFile', 'PutRelative']);

export type TokenDefect = 'random' | 'truncated' | 'other_key' | 'tampered' | 'other_document' | 'view_only' | 'missing' | 'ambiguous' | 'expired';
export type ProofDefect = 'wrong_key' | 'none' | 'stale' | 'garbage' | 'other_url';

export type Defect =
    | {kind: 'token'; variant: TokenDefect; random: string}
    | {kind: 'proof'; variant: ProofDefect}
    | {kind: 'path'; id: string}
    | {kind: 'lock'; value: string}
    | {kind: 'name'; variant: 'invalid_utf7' | 'separators' | 'markup' | 'too_long' | 'both_targets' | 'no_target'; text: string}
    | {kind: 'oversize'}
    | {kind: 'method'; method: string}
    | {kind: 'override'; value: string | readonly string[]}
    | {kind: 'header'; variant: 'huge' | 'control_char' | 'no_colon' | 'non_utf8_lock' | 'duplicate_lock' | 'duplicate_length' | 'negative_length' | 'obs_fold'};

export interface FuzzCase {
    op: Op;
    // Which of the test's documents the request is about.
    doc: 0 | 1;
    defects: Defect[];
    // Noise that is no defect by itself: ignored method override headers, odd header casing.
    methodOverrideHeader: string | null;
}

// What the test hands the builder: real tokens and documents of the running stack.
export interface FuzzWorld {
    siteUrl: string;
    pluginId: string;
    signer: ProofSigner;
    // Two documents; edit and view tokens of a member for each.
    docs: Array<{docId: string; editToken: string; viewToken: string; ttl: number}>;
    expiredToken: (doc: number) => string;
    maxFileSize: number;
}

const id26 = fc.stringMatching(/^[a-z0-9]{26}$/);

const pathIds: fc.Arbitrary<string> = fc.oneof(
    id26,
    fc.constantFrom('..', '..%2F..%2F..%2Fapi%2Fv4%2Fusers%2Fme', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '..;', '%00', '%ff%fe', 'CON', 'a'.repeat(300),
        '%u002e%u002e', '..%5c..%5cwindows', '.%2e/.%2e/config', '%252e%252e%252f', 'ÄÖÜ', '%F0%9F%92%A9', '*', '$', '-1', '0', '{docId}'),
    fc.stringMatching(/^[A-Za-z0-9._~%-]{1,40}$/),
    fc.stringMatching(/^[A-Z0-9]{26}$/),
);

const longLock = fc.integer({min: 1025, max: 6000}).map((n) => `cool-lock${'x'.repeat(n)}`.slice(0, n));

const lockValues: fc.Arbitrary<string> = fc.oneof(
    longLock,
    fc.constantFrom('lock\u0001id', 'lock\u007fid', 'tab\tlock'),
);

const tokenDefects: fc.Arbitrary<TokenDefect> = fc.constantFrom('random', 'truncated', 'other_key', 'tampered', 'other_document', 'view_only', 'missing', 'ambiguous', 'expired');
const proofDefects: fc.Arbitrary<ProofDefect> = fc.constantFrom('wrong_key', 'none', 'stale', 'garbage', 'other_url');

// Each of these is ill-formed UTF-7 (RFC 2152), by construction, not by chance: a '+' that
// starts nothing, a base64 run that does not end on a 16-bit boundary (n base64 digits leave
// 6n mod 16 bits over: six or more for n mod 8 in {1, 2, 4, 5, 7}) or leaves non-zero bits, an
// unpaired surrogate, a character UTF-7 cannot carry. ('a+AGE', '+AGEAYQ', '+ZeVnLIqe', '+2D3cAQ-' and
// 'x+/v8-' were once here: they are well-formed, "aa", "aa", "日本語", U+1F401 and U+FEFF, and a
// PutRelative with one of them rightly created a file.)
const invalidUtf7: fc.Arbitrary<string> = fc.oneof(
    fc.constantFrom('+', 'name+', 'a+AGEA', '+ZeVnLIq', 'bad+A-', '+2D0AQQ-', '+3AE-', '+AAAA-', 'x+/v9-', 'é.docx', 'name\u0000.docx', '+AGEAYQA'),
    fc.string({minLength: 1, maxLength: 30}).map((s) => {
        const run = Buffer.from(s).toString('base64').replace(/=+$/, '');
        // One more digit makes a run of 0, 3 or 6 (mod 8) digits one that cannot end cleanly.
        return `+${[0, 3, 6].includes(run.length % 8) ? `${run}A` : run}`;
    }),
);

function defectsFor(op: Op): fc.Arbitrary<Defect> {
    const options: Array<fc.Arbitrary<Defect>> = [
        fc.record({kind: fc.constant('token' as const), variant: tokenDefects, random: fc.string({maxLength: 80})}).filter((d) => !(READ_OPS.has(op) && d.variant === 'view_only')),
        fc.record({kind: fc.constant('proof' as const), variant: proofDefects}),
        fc.record({kind: fc.constant('path' as const), id: pathIds}),
        fc.record({kind: fc.constant('method' as const), method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'BREW', 'G3T', op === 'CheckFileInfo' || op === 'GetFile' ? 'POST' : 'GET')}),
        fc.record({kind: fc.constant('header' as const), variant: fc.constantFrom('huge', 'control_char', 'no_colon', 'duplicate_length', 'negative_length')}),
    ];
    if (!READ_OPS.has(op) || op === 'GetLock') {
        options.push(fc.record({kind: fc.constant('override' as const), value: fc.oneof(
            fc.constantFrom('DELETE', 'PUT_USER_INFO', 'GET_SHARE_URL', 'LOCKX', 'PUT RELATIVE', 'UNLOCK\u0000', 'lock; drop table', '', 'X'.repeat(9000)),
            fc.stringMatching(/^[A-Z_]{1,20}$/).filter((s) => !['LOCK', 'UNLOCK', 'REFRESH_LOCK', 'GET_LOCK', 'PUT', 'PUT_RELATIVE', 'RENAME_FILE'].includes(s)),
            fc.constant(['LOCK', 'UNLOCK']),
        )}).filter((d) => op !== 'GetLock' || d.value !== ''));
    }
    if (LOCK_OPS.has(op)) {
        options.push(fc.record({kind: fc.constant('lock' as const), value: lockValues}));
        // A folded line is joined into one value by Mattermost (Go accepts obs-fold, RFC 9112
        // 5.2 allows that): it is a defect only where it makes a second X-WOPI-Lock.
        options.push(fc.record({kind: fc.constant('header' as const), variant: fc.constantFrom('non_utf8_lock', 'duplicate_lock', 'obs_fold')}));
    }
    if (op === 'Rename' || op === 'PutRelative') {
        const variants = op === 'Rename'
            ? fc.constantFrom('invalid_utf7', 'separators', 'markup', 'too_long')
            : fc.constantFrom('invalid_utf7', 'separators', 'markup', 'too_long', 'both_targets', 'no_target');
        options.push(fc.record({kind: fc.constant('name' as const), variant: variants, text: invalidUtf7}));
    }
    if (BODY_OPS.has(op)) {
        options.push(fc.constant({kind: 'oversize' as const}));
    }
    return fc.oneof(...options);
}

// Built once per operation, not inside chain() for every case (regex-driven arbitraries are
// costly to build).
const casesByOp = {} as Record<Op, fc.Arbitrary<FuzzCase>>;
for (const op of OPS) {
    casesByOp[op] = fc.record({
        op: fc.constant(op),
        doc: fc.constantFrom(0 as const, 1 as const),
        defects: fc.array(defectsFor(op), {minLength: 1, maxLength: 3}),
        methodOverrideHeader: fc.option(fc.constantFrom('DELETE', 'PUT', 'GET', 'LOCK'), {nil: null}),
    });
}

export const fuzzCases: fc.Arbitrary<FuzzCase> = fc.constantFrom(...OPS).chain((op) => casesByOp[op]);

// The method the request goes out with: a GET turns any operation into a read.
export function effectiveMethod(c: FuzzCase): string {
    const override = [...c.defects].reverse().find((d) => d.kind === 'method');
    if (override?.kind === 'method') {
        return override.method;
    }
    return c.op === 'CheckFileInfo' || c.op === 'GetFile' ? 'GET' : 'POST';
}

// Does the case carry a defect that, per the WOPI spec, is answered with a 5xx?
export function allowedServerErrors(c: FuzzCase): Set<number> {
    const allowed = new Set<number>();
    if (c.defects.some((d) => d.kind === 'proof')) {
        allowed.add(500);
    }
    if (c.defects.some((d) => d.kind === 'override' || d.kind === 'method')) {
        allowed.add(501);
    }
    return allowed;
}

function forgeToken(claims: Record<string, unknown>, key: Buffer): string {
    const signed = `v1.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signed}.${createHmac('sha256', key).update(signed).digest('base64url')}`;
}

interface Draft {
    method: string;
    docPath: string;
    suffix: string;
    tokens: string[];
    signToken: string;
    headers: Array<[string, string | null]>;
    body: Buffer;
    contentLength: number | null | undefined;
    proof: ProofDefect | 'good';
}

const LOCK_HEADER = 'X-WOPI-Lock';

function setHeader(d: Draft, name: string, value: string): void {
    d.headers = d.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
    d.headers.push([name, value]);
}

// buildRequest turns a case into the bytes to send.
export function buildRequest(c: FuzzCase, w: FuzzWorld): RawRequest {
    const doc = w.docs[c.doc];
    const other = w.docs[1 - c.doc];
    const write = !READ_OPS.has(c.op);
    const token = write ? doc.editToken : doc.viewToken;
    const d: Draft = {method: 'POST', docPath: doc.docId, suffix: '', tokens: [token], signToken: token, headers: [], body: Buffer.alloc(0), contentLength: undefined, proof: 'good'};
    const lockId = `cool-lock${randomBytes(8).toString('hex')}`;
    switch (c.op) {
    case 'CheckFileInfo': d.method = 'GET'; break;
    case 'GetFile': d.method = 'GET'; d.suffix = '/contents'; break;
    case 'GetLock': d.headers.push(['X-WOPI-Override', 'GET_LOCK']); break;
    case 'PutFile':
        d.suffix = '/contents';
        d.body = randomBytes(64);
        d.headers.push(['X-WOPI-Override', 'PUT'], [LOCK_HEADER, lockId], ['X-COOL-WOPI-IsModifiedByUser', 'true'], ['X-COOL-WOPI-IsAutosave', 'false'], ['X-COOL-WOPI-IsExitSave', 'false'], ['Content-Type', 'application/octet-stream']);
        break;
    case 'Lock': d.headers.push(['X-WOPI-Override', 'LOCK'], [LOCK_HEADER, lockId]); break;
    case 'Unlock': d.headers.push(['X-WOPI-Override', 'UNLOCK'], [LOCK_HEADER, lockId]); break;
    case 'RefreshLock': d.headers.push(['X-WOPI-Override', 'REFRESH_LOCK'], [LOCK_HEADER, lockId]); break;
    case 'UnlockAndRelock': d.headers.push(['X-WOPI-Override', 'LOCK'], [LOCK_HEADER, lockId], ['X-WOPI-OldLock', `cool-lock${randomBytes(8).toString('hex')}`]); break;
    case 'PutRelative':
        d.body = randomBytes(64);
        d.headers.push(['X-WOPI-Override', 'PUT_RELATIVE'], ['X-WOPI-SuggestedTarget', encodeUtf7('fuzzed copy.docx')], ['X-WOPI-Size', '64'], ['Content-Type', 'application/octet-stream']);
        break;
    case 'Rename': d.headers.push(['X-WOPI-Override', 'RENAME_FILE'], ['X-WOPI-RequestedName', encodeUtf7('fuzzed name')], [LOCK_HEADER, lockId]); break;
    }
    if (c.methodOverrideHeader !== null) {
        d.headers.push(['X-HTTP-Method-Override', c.methodOverrideHeader]);
    }
    for (const defect of c.defects) {
        applyDefect(d, defect, c, w, doc, other);
    }
    const query = d.tokens.map((t) => queryFor(t, doc.ttl)).join('&');
    const target = `${wopiPath(w.pluginId, d.docPath, d.suffix)}${query ? `?${query}` : ''}`;
    const headers: Array<[string, string | null]> = [['User-Agent', 'COOLWSD HTTP Agent 24.04.13.2'], ...d.headers];
    if (d.proof !== 'none') {
        const signed = w.signer.signRequest({
            accessToken: d.signToken,
            url: d.proof === 'other_url' ? `${w.siteUrl}${wopiPath(w.pluginId, other.docId)}?${queryFor(d.signToken, doc.ttl)}` : w.siteUrl + target,
            proofKey: d.proof === 'wrong_key' ? 'wrong' : 'current',
            proofOldKey: d.proof === 'wrong_key' ? 'wrong' : 'current',
            timestampOffsetMs: d.proof === 'stale' ? -21 * 60_000 : 0,
        });
        headers.push(['X-WOPI-TimeStamp', signed['X-WOPI-TimeStamp']]);
        headers.push(['X-WOPI-Proof', d.proof === 'garbage' ? 'AAAA!!not base64' : signed['X-WOPI-Proof']]);
        headers.push(['X-WOPI-ProofOld', d.proof === 'garbage' ? '' : signed['X-WOPI-ProofOld']]);
    }
    return {method: d.method, target, headers, body: d.body, contentLength: d.contentLength};
}

function applyDefect(d: Draft, defect: Defect, c: FuzzCase, w: FuzzWorld, doc: FuzzWorld['docs'][number], other: FuzzWorld['docs'][number]): void {
    switch (defect.kind) {
    case 'token': {
        const base = d.tokens[0] ?? doc.editToken;
        const [, payload] = doc.editToken.split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8') || '{}') as Record<string, unknown>;
        const replace = (t: string): void => {
            d.tokens = [t];
            d.signToken = t;
        };
        switch (defect.variant) {
        case 'random': replace(defect.random === '' ? randomBytes(24).toString('base64url') : defect.random); break;
        case 'truncated': replace(base.slice(0, Math.max(1, Math.floor(base.length * 0.7)))); break;
        case 'other_key': replace(forgeToken(claims, randomBytes(32))); break;
        case 'tampered': replace(forgeToken({...claims, m: 'edit', exp: Date.now() + 86_400_000}, Buffer.alloc(32))); break;
        case 'other_document': replace(c.op === 'CheckFileInfo' || c.op === 'GetFile' || c.op === 'GetLock' ? other.viewToken : other.editToken); break;
        case 'view_only': replace(doc.viewToken); break;
        case 'missing': d.tokens = []; d.signToken = ''; break;
        case 'ambiguous': d.tokens = [base, other.editToken]; break;
        case 'expired': replace(w.expiredToken(c.doc)); break;
        }
        break;
    }
    case 'proof': d.proof = defect.variant; break;
    case 'path': d.docPath = defect.id === '{docId}' ? `${doc.docId}%00` : defect.id; break;
    case 'lock': setHeader(d, LOCK_HEADER, defect.value); break;
    case 'name': {
        const header = c.op === 'Rename' ? 'X-WOPI-RequestedName' : 'X-WOPI-SuggestedTarget';
        const name = {
            invalid_utf7: defect.text,
            separators: encodeUtf7('../../etc/passwd'),
            markup: encodeUtf7('<img src=x onerror=alert(1)>'),
            too_long: encodeUtf7(`${'n'.repeat(300)}.docx`),
            both_targets: encodeUtf7('copy.docx'),
            no_target: '',
        }[defect.variant];
        if (c.op === 'PutRelative' && (defect.variant === 'separators' || defect.variant === 'markup' || defect.variant === 'too_long')) {
            // Suggested names are repaired by design; an exact (relative) target is not.
            d.headers = d.headers.filter(([n]) => n !== 'X-WOPI-SuggestedTarget');
            d.headers.push(['X-WOPI-RelativeTarget', name]);
        } else if (defect.variant === 'both_targets') {
            d.headers.push(['X-WOPI-RelativeTarget', name]);
        } else if (defect.variant === 'no_target') {
            d.headers = d.headers.filter(([n]) => n !== 'X-WOPI-SuggestedTarget' && n !== 'X-WOPI-RelativeTarget');
        } else {
            setHeader(d, header, name);
        }
        break;
    }
    case 'oversize': d.contentLength = w.maxFileSize + 1 + Math.floor(Math.random() * 1024); break;
    case 'method': d.method = defect.method; break;
    case 'override': {
        d.headers = d.headers.filter(([n]) => n !== 'X-WOPI-Override');
        const values = Array.isArray(defect.value) ? defect.value : [defect.value];
        for (const v of values) {
            d.headers.push(['X-WOPI-Override', v]);
        }
        break;
    }
    case 'header':
        switch (defect.variant) {
        case 'huge': d.headers.push(['X-Fuzz-Huge', 'h'.repeat(1024 * 1024 + 100)]); break;
        case 'control_char': d.headers.push(['X-WOPI-Lock', 'bad\u0000\u0007lock']); break;
        case 'no_colon': d.headers.push(['X-WOPI-Lock without colon', null]); break;
        case 'non_utf8_lock': setHeader(d, LOCK_HEADER, 'lock\u00ff\u00fe\u0080'); break;
        case 'duplicate_lock': d.headers.push([LOCK_HEADER, `cool-lock${randomBytes(4).toString('hex')}`]); break;
        case 'duplicate_length': d.headers.push(['Content-Length', String(d.body.length + 7)]); break;
        case 'negative_length': d.contentLength = -1; break;
        case 'obs_fold': d.headers.push(['X-WOPI-Lock', 'folded\r\n continuation']); break;
        }
        break;
    }
}
