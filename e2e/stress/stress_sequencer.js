// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Runs the stress files in a fixed order: bad input and access checks first (they need a quiet
// server and prove nothing changed), then the faults, then load, then the second node.
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = [
    'wopi_fuzz',
    'api_fuzz',
    'access_control',
    'sidecar_kill',
    'discovery_outage',
    'postgres_outage',
    'mattermost_restart',
    'concurrent_sessions',
    'two_nodes',
];

const rank = (path) => {
    const i = ORDER.findIndex((name) => path.endsWith(`/${name}.test.ts`));
    return i < 0 ? ORDER.length : i;
};

class StressSequencer extends Sequencer {
    sort(tests) {
        return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
    }
}

module.exports = StressSequencer;
