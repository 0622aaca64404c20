// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Stress, fault and security tests against the real stack (run through e2e/stack/with_stack.sh;
// `make test-stress`). They share one Mattermost server, restart parts of it and kill the
// sidecar on purpose, so they run one file at a time, in a fixed order (see stress_sequencer.js).
module.exports = {
    rootDir: __dirname,
    testEnvironment: 'node',
    roots: ['<rootDir>'],
    testMatch: ['**/*.test.ts'],
    testSequencer: '<rootDir>/stress_sequencer.js',
    transform: {'^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json', diagnostics: {warnOnly: false}}]},
    maxWorkers: 1,
    // Each test sets its own bounds where timing matters; this only stops a hung test.
    testTimeout: 240_000,
};
