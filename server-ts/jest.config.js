// Unit tests of the sidecar: colocated *.test.ts files, run through ts-jest.
module.exports = {
    testEnvironment: 'node',
    roots: ['<rootDir>/src'],
    testMatch: ['**/*.test.ts'],
    transform: {'^.+\\.[tj]s$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: {warnOnly: false}}]},
    // cookie 2 (used by fastify's inject) ships only as an ES module, which Jest's CommonJS
    // runtime cannot require; it is compiled like our own code.
    transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
};
