// Unit tests of the sidecar: colocated *.test.ts files, run through ts-jest.
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/src'],
    testMatch: ['**/*.test.ts'],
    transform: {'^.+\\.ts$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.json', diagnostics: {warnOnly: false}}]},
};
