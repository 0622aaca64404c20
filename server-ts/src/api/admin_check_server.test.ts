// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {serverResult} from './admin_check_server';

describe('connection check: Mattermost server line', () => {
    it('fails with a fix before the first activation', () => {
        expect(serverResult(null)).toMatchObject({id: 'server', ok: false, fix: expect.stringMatching(/\w/)});
    });

    it('repeats the activation problems, with the version to run', () => {
        const r = serverResult({serverVersion: '11.4.0', minVersion: '10.10.0', problems: ['The KV store is broken.']});
        expect(r).toMatchObject({ok: false, detail: 'The KV store is broken.', fix: 'Run Mattermost 10.10.0 or later.'});
    });

    it('passes on a supported server', () => {
        expect(serverResult({serverVersion: '10.10.0', minVersion: '10.10.0', problems: []}).ok).toBe(true);
    });
});
