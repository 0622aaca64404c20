// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// One ESLint config for all TypeScript. Besides the recommended rules it enforces the
// architecture's import arrows: policy/ stays pure, and only bridge/ touches generated gRPC code.
import {readdirSync} from 'node:fs';

import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const sidecarRooms = readdirSync('server-ts/src', {withFileTypes: true})
    .filter((d) => d.isDirectory() && !['bridge', 'gen'].includes(d.name))
    .map((d) => `./server-ts/src/${d.name}`);

export default tseslint.config(
    {ignores: ['**/dist/**', '**/gen/**', '**/node_modules/**', 'build/**', 'e2e/artifacts/**', '**/*.js', '**/*.mjs', '**/*.cjs']},
    {
        files: ['**/*.ts', '**/*.tsx'],
        extends: [tseslint.configs.recommended],
        plugins: {'import-x': importX},
        settings: {'import-x/resolver': {node: {extensions: ['.ts', '.tsx', '.js', '.mjs']}}},
        rules: {
            '@typescript-eslint/no-explicit-any': 'error',
            '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
            'max-lines': ['warn', {max: 300, skipBlankLines: true, skipComments: true}],
            'import-x/no-restricted-paths': ['error', {
                zones: [
                    {target: './server-ts/src/policy', from: './server-ts/src', except: ['./policy'], message: 'policy/ is pure: it imports nothing outside policy/.'},
                    {target: sidecarRooms, from: './server-ts/src/gen', message: 'Only bridge/ imports the generated gRPC code.'},
                    {target: ['./server-ts/src/policy', './server-ts/src/wopi_headers'], from: './server-ts/src/mattermost', message: 'Pure modules do not reach the Plugin API.'},
                ],
            }],
        },
    },
    {
        // The browser tests' host page plays Mattermost's web app: its plugin registry takes
        // components with any props and its store is the web app's, as untyped as theirs.
        files: ['e2e/browser/host/**'],
        rules: {'@typescript-eslint/no-explicit-any': 'off'},
    },
    {
        files: ['**/*.test.ts', '**/*.test.tsx', '**/testing/**'],
        // Tests load built bundles and mocked modules with require().
        rules: {'max-lines': 'off', '@typescript-eslint/no-require-imports': 'off'},
    },
);
