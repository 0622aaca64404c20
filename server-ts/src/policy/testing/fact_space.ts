// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {EDIT_POLICIES, type EditPolicy} from '../edit_policy';
import type {AccessFacts, ChannelKind, ChannelMembership, PolicyChangeFacts} from '../types';
import {ME, SOMEONE_ELSE} from './builders';

// Every value of every input that matters, so the tables are full cross
// products. User flags are crossed freely, impossible mixes included (a guest
// system admin, a deactivated bot): the decision must hold for them too.
const BOOLS = [false, true] as const;

export const AXES = {
    isSystemAdmin: BOOLS,
    isBot: BOOLS,
    isGuest: BOOLS,
    isDeactivated: BOOLS,
    kind: ['open', 'private', 'direct', 'group'] as readonly ChannelKind[],
    isArchived: BOOLS,
    membership: ['admin', 'member', 'guest', 'none'] as readonly ChannelMembership[],
    hasReadPermission: BOOLS,
    canPost: BOOLS,
    isOwner: BOOLS,
    policy: [...EDIT_POLICIES, undefined] as ReadonlyArray<EditPolicy | undefined>,
    guestsCanEdit: BOOLS,
    defaultEditPolicy: EDIT_POLICIES,
};

type Axes = Record<string, readonly unknown[]>;
type Point<A extends Axes> = {[K in keyof A]: A[K][number]};

export function* product<A extends Axes>(axes: A): Generator<Point<A>> {
    const keys = Object.keys(axes) as Array<keyof A>;
    function* walk(i: number, acc: Partial<Point<A>>): Generator<Point<A>> {
        if (i === keys.length) {
            yield {...acc} as Point<A>;
            return;
        }
        const key = keys[i];
        for (const value of axes[key]) {
            acc[key] = value as A[typeof key][number];
            yield* walk(i + 1, acc);
        }
    }
    yield* walk(0, {});
}

export function spaceSize(axes: Axes): number {
    return Object.values(axes).reduce((n, values) => n * values.length, 1);
}

type AccessPoint = Point<typeof AXES>;

export function toAccessFacts(p: AccessPoint): AccessFacts {
    return {
        user: {id: ME, isSystemAdmin: p.isSystemAdmin, isBot: p.isBot, isGuest: p.isGuest, isDeactivated: p.isDeactivated},
        channel: {kind: p.kind, isArchived: p.isArchived},
        membership: p.membership,
        hasReadPermission: p.hasReadPermission,
        canPost: p.canPost,
        document: {ownerId: p.isOwner ? ME : SOMEONE_ELSE, policy: p.policy},
        settings: {guestsCanEdit: p.guestsCanEdit, defaultEditPolicy: p.defaultEditPolicy},
    };
}

export function* allAccessFacts(): Generator<AccessFacts> {
    for (const p of product(AXES)) {
        yield toAccessFacts(p);
    }
}

// canChangePolicy does not look at the document's policy or the default.
export const CHANGE_AXES = {...AXES, policy: [undefined], defaultEditPolicy: ['channel']} as const;

export function* allPolicyChangeFacts(): Generator<PolicyChangeFacts> {
    for (const p of product(CHANGE_AXES)) {
        yield toAccessFacts(p);
    }
}
