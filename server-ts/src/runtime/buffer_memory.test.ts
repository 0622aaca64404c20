// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {noteBufferTraffic} from './buffer_memory';

describe('noteBufferTraffic', () => {
    const g = globalThis as {gc?: unknown};
    const saved = g.gc;
    afterEach(() => {
        g.gc = saved;
    });

    it('runs a young-generation collection once per 16 MiB of file bytes', () => {
        const calls: unknown[] = [];
        g.gc = (options: unknown) => void calls.push(options);
        for (let i = 0; i < 40; i++) {
            noteBufferTraffic(1024 * 1024);
        }
        expect(calls).toEqual([{type: 'minor'}, {type: 'minor'}]);
    });

    it('does nothing where Node runs without --expose-gc', () => {
        delete g.gc;
        expect(() => noteBufferTraffic(64 * 1024 * 1024)).not.toThrow();
    });
});
