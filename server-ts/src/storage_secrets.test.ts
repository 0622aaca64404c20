// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';

// Node never reads, and never needs, where or how Mattermost stores files, nor its credentials.
// The shim opens Mattermost's file store itself (it streams revisions out of it and removes
// the bytes of revisions nobody shows), in one file, build/shim/file_store.go: the only code
// that reads the unsanitized config, and it hands the settings to Mattermost's filestore package
// and nowhere else. This scans the production code of the sidecar, the bridge contract and the
// rest of the Go shim for anything that would read them. What Node gets at run time is checked
// too: the shim passes the sanitized config without FileSettings' storage fields
// (build/shim/config_view.go), and e2e/integration/storage_revisions.test.ts reads the
// sidecar's environment on a real server. (This test reads files; the code it checks never does.)
const REPO = join(__dirname, '..', '..');

function files(dir: string, keep: (name: string) => boolean): string[] {
    return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
            return entry.name === 'gen' || entry.name === 'testing' ? [] : files(path, keep);
        }
        return keep(entry.name) ? [path] : [];
    });
}

const sidecar = files(join(REPO, 'server-ts', 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts'));
const contract = files(join(REPO, 'server-ts', 'proto'), (n) => n.endsWith('.proto'));
const shimFiles = readdirSync(join(REPO, 'build', 'shim')).filter((n) => n.endsWith('.go') && !n.endsWith('_test.go')).map((n) => join(REPO, 'build', 'shim', n));
const STORE_OPENER = join(REPO, 'build', 'shim', 'file_store.go');
const shim = shimFiles.filter((f) => f !== STORE_OPENER);
const production = [...sidecar, ...contract, ...shim];
const codeOf = (file: string): string => readFileSync(file, 'utf8')
    // Comments may explain what the code avoids; only code counts.
    .replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

// Reads of the file store's location and credentials, in any of the three languages.
const FORBIDDEN: Array<[string, RegExp]> = [
    ['the unsanitized config', /unsanitizedconfig/i],
    ['S3 settings', /AmazonS3\w*/],
    ['the storage driver', /\b(Export)?DriverName\b/],
    ['the data directory', /\.(Export)?Directory\b|["'](Export)?Directory["']/],
    ['the public link salt', /PublicLinkSalt/],
    ['Mattermost settings from the environment', /MM_[A-Z]+SETTINGS|process\.env\.MM_|process\.env\[['"]MM_|os\.(Getenv|LookupEnv)\("MM_/],
];

describe('no code path reads the file store settings or secrets', () => {
    it('finds the code it checks', () => {
        expect(sidecar.length).toBeGreaterThan(50);
        expect(contract.map((f) => relative(REPO, f))).toContain('server-ts/proto/bridge/v1/bridge.proto');
        expect(shim.map((f) => relative(REPO, f))).toContain('build/shim/api_bridge.go');
    });

    it.each(production.map((f) => [relative(REPO, f)]))('%s names no storage setting or secret', (file) => {
        const text = codeOf(join(REPO, file));
        const found = FORBIDDEN.filter(([, pattern]) => pattern.test(text)).map(([what, pattern]) => `${what}: ${pattern.exec(text)?.[0]}`);
        expect(found).toEqual([]);
    });

    it('gets the config for Node only through the sanitized GetConfig, trimmed', () => {
        const bridge = readFileSync(join(REPO, 'build', 'shim', 'api_bridge.go'), 'utf8');
        expect(bridge).toContain('encode(sidecarConfig(b.api.GetConfig()))');
        const configCalls = shim.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bapi\.(\w*Config)\(/g)].map((m) => m[1]));
        expect([...new Set(configCalls)].sort()).toEqual(['GetConfig', 'GetPluginConfig', 'SavePluginConfig']);
    });

    it('opens the file store in one shim file that gives its settings only to Mattermost\'s filestore package', () => {
        const code = codeOf(STORE_OPENER);
        expect([...code.matchAll(/\.(\w*Config)\(/g)].map((m) => m[1]).sort()).toEqual(['GetUnsanitizedConfig', 'NewFileBackendSettingsFromConfig']);
        // The settings go into NewFileBackend and stay there: the opener keeps the backend and a
        // reason, never the settings, and has no way to Node (the bridge, encoding, logs of values).
        expect(code).toMatch(/filestore\.NewFileBackend\(settings\)/);
        expect(code).not.toMatch(/bridgev1|encode\(|json\.|Env|settings\.AmazonS3SecretAccessKey|"settings"/);
        expect(code).toMatch(/backend filestore\.FileBackend/);
    });

    it('reads only what users may do with files from FileSettings, in one place', () => {
        const readers = sidecar.filter((f) => readFileSync(f, 'utf8').includes('FileSettings'));
        expect(readers.map((f) => relative(REPO, f))).toEqual(['server-ts/src/runtime/server_config.ts']);
        const text = readFileSync(readers[0], 'utf8');
        const fields = [...text.matchAll(/\bfiles\?\.(\w+)/g)].map((m) => m[1]);
        expect([...new Set(fields)].sort()).toEqual(['EnableFileAttachments', 'MaxFileSize']);
    });
});
