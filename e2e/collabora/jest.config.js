// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Unit tests of the Collabora stand-in only; the integration suite has its own e2e/jest.config.js.
module.exports = {
    testEnvironment: 'node',
    rootDir: __dirname,
    roots: ['<rootDir>'],
    testMatch: ['**/*.test.ts'],
    transform: {'^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json', diagnostics: {warnOnly: false}}]},
};
