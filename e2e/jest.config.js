// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Integration tests against the real stack (see stack/with_stack.sh). The test files share one
// Mattermost server and some switch the plugin off or kill its sidecar, so they run one at a time.
module.exports = {
    rootDir: __dirname,
    testEnvironment: 'node',
    roots: ['<rootDir>/integration'],
    testMatch: ['**/*.test.ts'],
    transform: {'^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json', diagnostics: {warnOnly: false}}]},
    maxWorkers: 1,
    // Plugin restarts take seconds; each test sets tighter limits where timing is the point.
    testTimeout: 90_000,
};
