// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

// policy/ must stay pure: its production files may import only each other.
// (This test reads files; the code it checks never does.)
const HEADER = '// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.';

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            return sourceFiles(path);
        }
        return entry.name.endsWith('.ts') ? [path] : [];
    });
}

const all = sourceFiles(__dirname);
const production = all.filter((f) => !f.endsWith('.test.ts') && !f.includes('/testing/'));

describe('policy/ hygiene', () => {
    it.each(production)('%s imports only sibling policy modules', (file) => {
        const text = readFileSync(file, 'utf8');
        const specifiers = [...text.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
        expect(specifiers.filter((s) => !/^\.\/[a-z_]+$/.test(s))).toEqual([]);
        expect(text).not.toMatch(/\brequire\(|\bimport\(/);
    });

    it.each(all)('%s starts with the licence header, has a snake_case name and stays small', (file) => {
        const text = readFileSync(file, 'utf8');
        expect(text.split('\n')[0]).toBe(HEADER);
        expect(file.split('/').pop()).toMatch(/^[a-z_]+(\.test)?\.ts$/);
        expect(text.split('\n').length).toBeLessThanOrEqual(200);
        if (!file.endsWith('module_hygiene.test.ts')) {
            // This file names the pattern, so it is the one file not checked.
            expect(text).not.toMatch(/:\s*any\b|\bas any\b|<any>/);
        }
    });
});
