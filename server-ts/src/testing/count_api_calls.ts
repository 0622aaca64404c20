// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {AsyncLocalStorage} from 'node:async_hooks';

// Counts the calls made on an in-memory Plugin API, by name. In production each call the
// sidecar makes is one gRPC round trip to the shim (bridgeCalls); a call the in-memory API
// makes inside another (gatherAccessFacts asking for the user, the post...) is one the shim
// makes in Go, without a round trip of its own: those count in pluginApiCalls only.
export interface ApiCallCounts {
    bridgeCalls: Map<string, number>;
    pluginApiCalls: Map<string, number>;
    clear(): void;
}

// The in-memory API's own helpers (clock, storage, test set-up) are not Plugin API calls.
const NOT_PLUGIN_API = new Set(['now', 'store', 'addFile']);
// Composite calls: one round trip, but not a Plugin API call of Mattermost's.
const COMPOSITE = new Set(['gatherAccessFacts']);

export function countApiCalls(api: object): ApiCallCounts {
    const counts: ApiCallCounts = {
        bridgeCalls: new Map(),
        pluginApiCalls: new Map(),
        clear() {
            this.bridgeCalls.clear();
            this.pluginApiCalls.clear();
        },
    };
    const inside = new AsyncLocalStorage<true>();
    const add = (m: Map<string, number>, name: string): void => {
        m.set(name, (m.get(name) ?? 0) + 1);
    };
    const seen = new Set<string>();
    for (let proto: object | null = api; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
        for (const name of Object.getOwnPropertyNames(proto)) {
            const value = (api as Record<string, unknown>)[name];
            if (name === 'constructor' || NOT_PLUGIN_API.has(name) || seen.has(name) || typeof value !== 'function') {
                continue;
            }
            seen.add(name);
            (api as Record<string, unknown>)[name] = (...args: unknown[]) => {
                if (!inside.getStore()) {
                    add(counts.bridgeCalls, name);
                }
                if (!COMPOSITE.has(name)) {
                    add(counts.pluginApiCalls, name);
                }
                return inside.run(true, () => (value as (...a: unknown[]) => unknown).apply(api, args));
            };
        }
    }
    return counts;
}

export const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
