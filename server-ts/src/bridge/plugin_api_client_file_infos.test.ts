// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';

import {createServer, ServerError, Status, type Server} from 'nice-grpc';

import {PluginApiDefinition, type GetFileInfosRequest, type PluginApiServiceImplementation} from '../gen/bridge/v1/bridge';
import type {PluginApi} from '../mattermost/plugin_api';

import {connectPluginApi} from './plugin_api_client';

// GetFileInfos over gRPC against a server playing the shim: the options travel as Mattermost's
// JSON, and Mattermost's `null` for "no files" reaches the sidecar as an empty list.
describe('PluginApi client: getFileInfos', () => {
    let dir: string;
    let server: Server;
    let api: PluginApi;
    const seen: GetFileInfosRequest[] = [];

    beforeAll(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'bridge-infos-'));
        const full: Record<string, unknown> = {};
        for (const name of Object.keys(PluginApiDefinition.methods)) {
            full[name] = async () => {
                throw new ServerError(Status.UNIMPLEMENTED, `${name} is not played by this test`);
            };
        }
        full.getFileInfos = async (req: GetFileInfosRequest) => {
            seen.push(req);
            const answer = req.page === 0 ? [{id: 'f1', name: 'Plan.docx', channel_id: 'c1'}] : null;
            return {fileInfosJson: Buffer.from(JSON.stringify(answer))};
        };
        server = createServer();
        server.add(PluginApiDefinition, full as unknown as PluginApiServiceImplementation);
        await server.listen(`unix://${path.join(dir, 'api.sock')}`);
        api = connectPluginApi(path.join(dir, 'api.sock'));
    });

    afterAll(async () => {
        await server.shutdown();
        rmSync(dir, {recursive: true, force: true});
    });

    it('sends page, size and options, and reads the FileInfos', async () => {
        const infos = await api.getFileInfos(0, 100, {channel_ids: ['c1'], sort_by: 'CreateAt', sort_descending: true});
        expect(infos).toEqual([{id: 'f1', name: 'Plan.docx', channel_id: 'c1'}]);
        expect(seen[0].page).toBe(0);
        expect(seen[0].perPage).toBe(100);
        expect(JSON.parse(Buffer.from(seen[0].optionsJson).toString('utf8'))).toEqual({channel_ids: ['c1'], sort_by: 'CreateAt', sort_descending: true});
    });

    it('reads Mattermost\'s null as no files', async () => {
        await expect(api.getFileInfos(1, 100, {channel_ids: ['c1']})).resolves.toEqual([]);
    });
});
