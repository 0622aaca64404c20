// Unit tests of the sidecar: colocated *.test.ts files, run through ts-jest.
// The manifest's constants that build.mjs defines for the bundle.
const manifest = require('../plugin.json');

module.exports = {
    testEnvironment: 'node',
    globals: {PLUGIN_MIN_SERVER_VERSION: manifest.min_server_version},
    roots: ['<rootDir>/src'],
    testMatch: ['**/*.test.ts'],
    transform: {'^.+\\.[tj]s$': ['ts-jest', {tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: {warnOnly: false}}]},
    // cookie 2 (used by fastify's inject) ships only as an ES module, which Jest's CommonJS
    // runtime cannot require; it is compiled like our own code.
    transformIgnorePatterns: ['/node_modules/(?!cookie/)'],
};
