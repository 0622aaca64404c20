// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {canChangePolicy} from './can_change_policy';
import {canEdit, canView, decideAccess, type AccessDecision} from './decide_access';
import {ACCESS_REASONS, CHANGE_POLICY_REASONS} from './reasons';
import {accessOracle, changePolicyOracle} from './testing/access_oracle';
import {describeFacts} from './testing/builders';
import {allAccessFacts, allPolicyChangeFacts, AXES, CHANGE_AXES, spaceSize} from './testing/fact_space';
import type {AccessFacts} from './types';

// The full cross product of every input, checked against the oracle in
// testing/access_oracle.ts. Mismatches are collected so one run shows them all.

type Decide = (f: AccessFacts) => Pick<AccessDecision, 'access' | 'code'>;

function mismatches(decide: Decide, limit = 20, stopAt = Infinity): {count: number; total: number; samples: string[]} {
    let count = 0;
    let total = 0;
    const samples: string[] = [];
    for (const facts of allAccessFacts()) {
        total++;
        const got = decide(facts);
        const want = accessOracle(facts);
        if (got.access !== want.access || got.code !== want.code) {
            count++;
            if (samples.length < limit) {
                samples.push(`${describeFacts(facts)}: got ${got.access}/${got.code}, want ${want.access}/${want.code}`);
            }
            if (count >= stopAt) {
                break;
            }
        }
    }
    return {count, total, samples};
}

describe('decideAccess over the full cross product', () => {
    it('covers every combination of the inputs', () => {
        // 16 user flag mixes x 4 kinds x 2 archived x 4 memberships x 2 read
        // x 2 post x 2 owner x 5 policies x 2 guest setting x 4 defaults.
        expect(spaceSize(AXES)).toBe(163840);
    });

    it('agrees with the oracle on every combination', () => {
        const result = mismatches(decideAccess);
        expect(result.total).toBe(spaceSize(AXES));
        expect(result.samples).toEqual([]);
        expect(result.count).toBe(0);
    });

    it('gives every decision the sentence of its code, and keeps canView/canEdit in line', () => {
        const problems: string[] = [];
        for (const facts of allAccessFacts()) {
            const d = decideAccess(facts);
            const view = canView(facts);
            const edit = canEdit(facts);
            if (d.reason !== ACCESS_REASONS[d.code] || view.allowed !== (d.access !== 'none') ||
                edit.allowed !== (d.access === 'edit') || view.code !== d.code || edit.reason !== d.reason) {
                problems.push(describeFacts(facts));
            }
        }
        expect(problems.slice(0, 10)).toEqual([]);
    });

    // Each mutant breaks one rule; the table must notice every one of them,
    // which shows it can fail.
    const mutants: Array<[string, Decide]> = [
        ['ignores archived channels', (f) => decideAccess({...f, channel: {...f.channel, isArchived: false}})],
        ['lets guests edit regardless of the setting', (f) => decideAccess({...f, settings: {...f.settings, guestsCanEdit: true}})],
        ['ignores moderation', (f) => decideAccess({...f, canPost: true})],
        ['treats every DM admin as a channel admin', (f) => decideAccess({...f, channel: {...f.channel, kind: 'open'}})],
        ['ignores the stored policy', (f) => decideAccess({...f, document: {...f.document, policy: undefined}})],
        ['lets bots edit', (f) => decideAccess({...f, user: {...f.user, isBot: false}})],
        ['lets owners edit view_only documents', (f) => (
            f.document.policy === 'view_only' && f.document.ownerId === f.user.id ? decideAccess({...f, document: {...f.document, policy: 'owner'}}) : decideAccess(f)
        )],
        ['grants view when read is missing', (f) => {
            const d = decideAccess(f);
            return d.code === 'NO_CHANNEL_ACCESS' ? {access: 'view', code: d.code} : d;
        }],
    ];
    it.each(mutants)('catches a mutant that %s', (_name, mutant) => {
        expect(mismatches(mutant, 1, 1).count).toBeGreaterThan(0);
    });
});

describe('canChangePolicy over the full cross product', () => {
    it('covers every combination of the inputs it reads', () => {
        expect(spaceSize(CHANGE_AXES)).toBe(8192);
    });

    it('agrees with the oracle on every combination', () => {
        const problems: string[] = [];
        for (const facts of allPolicyChangeFacts()) {
            const got = canChangePolicy(facts);
            const want = changePolicyOracle(facts);
            if (got.allowed !== want.allowed || got.code !== want.code || got.reason !== CHANGE_POLICY_REASONS[got.code]) {
                problems.push(`${describeFacts({...facts, document: {...facts.document, policy: undefined}, settings: {...facts.settings, defaultEditPolicy: 'channel'}})}: got ${got.code}, want ${want.code}`);
            }
        }
        expect(problems.slice(0, 20)).toEqual([]);
    });
});

describe('how the two decisions relate', () => {
    it('never lets anyone open editing to the channel unless they could then edit', () => {
        const problems: string[] = [];
        for (const facts of allAccessFacts()) {
            if (canChangePolicy(facts).allowed && decideAccess({...facts, document: {...facts.document, policy: 'channel'}}).access !== 'edit') {
                problems.push(describeFacts(facts));
            }
        }
        expect(problems.slice(0, 10)).toEqual([]);
    });

    it('lets everyone who edits as owner, channel admin or system admin change the policy', () => {
        const problems: string[] = [];
        for (const facts of allAccessFacts()) {
            const {code} = decideAccess(facts);
            const privileged = code === 'EDIT_AS_OWNER' || code === 'EDIT_AS_CHANNEL_ADMIN' || code === 'EDIT_AS_SYSTEM_ADMIN';
            if (privileged && !canChangePolicy(facts).allowed) {
                problems.push(describeFacts(facts));
            }
        }
        expect(problems.slice(0, 10)).toEqual([]);
    });
});
