// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Browser tests: headless Chromium (Debian's) driven by playwright-core against the real stack
// (run through e2e/browser/run.sh, which starts it). One file at a time: they share one server,
// and some change the plugin's settings or kill its sidecar.
module.exports = {
    rootDir: __dirname,
    testEnvironment: 'node',
    roots: ['<rootDir>/tests'],
    testMatch: ['**/*.test.ts'],
    transform: {'^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json', diagnostics: {warnOnly: false}}]},
    maxWorkers: 1,
    testTimeout: 120_000,
};
