// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A look into Mattermost's own file store, behind the server's back, for the storage tests:
// the directory of the local driver, or the bucket of the s3 variant through the S3 API
// (STACK_STORAGE and the S3_* variables come from stack.env; see s3_env.sh). Mattermost keeps
// where its FileInfo's Path says (not exposed through the REST API, so read from the stack's
// database): <day>/teams/noteam/channels/<channel>/users/<user>/<upload id>/<file name>.

import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';

import {S3Client} from './s3_client';
import {readStack} from './stack';

export type StorageDriver = 'local' | 's3';

export interface StoredFile {
    key: string;
    size: number;
}

export interface FileStoreView {
    driver: StorageDriver;
    // Where the files are, for messages: a directory or s3://bucket/prefix.
    where: string;
    // The object key of a FileInfo Path (the s3 driver puts its path prefix in front).
    keyOf(path: string): string;
    list(): Promise<StoredFile[]>;
    read(key: string): Promise<Buffer>;
}

export function storageDriver(): StorageDriver {
    const driver = process.env.STACK_STORAGE ?? 'local';
    if (driver !== 'local' && driver !== 's3') {
        throw new Error(`STACK_STORAGE=${driver}: expected local or s3`);
    }
    return driver;
}

function required(name: string): string {
    const value = process.env[name];
    if (value === undefined || value === '') {
        throw new Error(`${name} is not set: run the tests through e2e/stack/with_stack.sh with STACK_STORAGE=s3`);
    }
    return value;
}

function localView(dir: string): FileStoreView {
    const walk = (d: string, out: StoredFile[]): StoredFile[] => {
        for (const entry of readdirSync(d, {withFileTypes: true})) {
            const path = join(d, entry.name);
            if (entry.isDirectory()) {
                walk(path, out);
            } else if (entry.isFile()) {
                out.push({key: relative(dir, path), size: statSync(path).size});
            }
        }
        return out;
    };
    return {
        driver: 'local',
        where: dir,
        keyOf: (path) => path,
        list: async () => walk(dir, []),
        read: async (key) => readFileSync(join(dir, key)),
    };
}

function s3View(): FileStoreView {
    const client = new S3Client({
        endpointUrl: required('S3_ENDPOINT_URL'),
        bucket: required('S3_BUCKET'),
        region: required('S3_REGION'),
        accessKeyId: required('S3_ACCESS_KEY_ID'),
        secretAccessKey: required('S3_SECRET_ACCESS_KEY'),
    });
    const prefix = process.env.S3_PATH_PREFIX ?? '';
    return {
        driver: 's3',
        where: `s3://${required('S3_BUCKET')}/${prefix}`,
        keyOf: (path) => (prefix === '' ? path : `${prefix}/${path}`),
        list: async () => (await client.listObjects(prefix === '' ? '' : `${prefix}/`)).map((o) => ({key: o.key, size: o.size})),
        read: (key) => client.getObject(key),
    };
}

// The directory the local driver uses (start.sh gives the server one with either driver).
export function localFileStoreView(): FileStoreView {
    return localView(process.env.STACK_FILE_DIR ?? join(readStack().run_dir, 'mm', 'data'));
}

export function fileStoreView(): FileStoreView {
    return storageDriver() === 's3' ? s3View() : localFileStoreView();
}

// FileInfo.Path of a file, from the stack's PostgreSQL (start.sh runs it with trust auth on a
// socket in the run dir, named after its port).
export function fileInfoPath(fileId: string): string {
    if (!/^[a-z0-9]{26}$/.test(fileId)) {
        throw new Error(`not a Mattermost id: ${fileId}`);
    }
    const socketDir = join(readStack().run_dir, 'pg');
    const socket = readdirSync(socketDir).find((f) => /^\.s\.PGSQL\.\d+$/.test(f));
    if (socket === undefined) {
        throw new Error(`no PostgreSQL socket in ${socketDir}`);
    }
    const out = execFileSync('psql', ['-X', '-A', '-t', '-h', socketDir, '-p', socket.split('.').pop()!, '-U', 'postgres', '-d', 'mattermost_test',
        '-c', `SELECT path FROM fileinfo WHERE id = '${fileId}'`], {encoding: 'utf8'}).trim();
    if (out === '') {
        throw new Error(`no FileInfo ${fileId} in the database`);
    }
    return out;
}
