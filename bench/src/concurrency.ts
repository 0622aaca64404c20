// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Runs `clients` workers over a fixed list of jobs (bounded: the run ends when the list does)
// and reports the wall time, so requests per second = jobs / seconds.
export async function runConcurrently<J>(jobs: J[], clients: number, work: (job: J, client: number) => Promise<void>): Promise<{ms: number}> {
    let next = 0;
    const started = performance.now();
    await Promise.all(Array.from({length: clients}, async (_, client) => {
        while (next < jobs.length) {
            const job = jobs[next++];
            await work(job, client);
        }
    }));
    return {ms: performance.now() - started};
}

// Runs per-client job lists: client i works through lists[i] only (e.g. its own document).
export async function runPerClient<J>(lists: J[][], work: (job: J, client: number) => Promise<void>): Promise<{ms: number}> {
    const started = performance.now();
    await Promise.all(lists.map(async (list, client) => {
        for (const job of list) {
            await work(job, client);
        }
    }));
    return {ms: performance.now() - started};
}
