// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The editor over a long session (issue 15, points 2 and 5): fresh tokens handed to the running
// editor before expiry, and another session's lock shown, polled and released.
import {act, screen} from '@testing-library/react';
import React from 'react';

import {client} from '../../client';
import type {LockState} from '../../client';
import {collaboraSays, frameWindow, sentToFrame, session} from '../../../tests/collabora';
import {mockFetch, renderWithStore, rights} from '../../../tests/helpers';

import {Editor} from './index';
import {LOCK_POLL_MS, LOCK_POLL_WINDOW_MS} from './use_lock_watch';

// A body function is evaluated when the request is answered (ttls are absolute times).
type Answer = {status?: number; body: unknown};
type Queues = Record<string, Answer[]>;

// Each `METHOD path` answers its queue in order and repeats the last answer.
function scripted(queues: Queues): jest.Mock {
    return mockFetch(Object.entries(queues).map(([key, answers]) => {
        const [method, path] = key.split(' ');
        const route = {method, path, status: answers[0].status, body: answers[0].body};
        return route;
    })).mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
        const key = `${init?.method ?? 'GET'} ${String(input).replace(/^.*\/plugins\/[^/]+/, '')}`;
        const queue = queues[key];
        if (!queue) {
            throw new Error(`unexpected fetch ${key}`);
        }
        const answer = queue.length > 1 ? queue.shift()! : queue[0];
        const status = answer.status ?? 200;
        const body = typeof answer.body === 'function' ? (answer.body as () => unknown)() : answer.body;
        return {ok: status >= 200 && status < 300, status, text: async () => JSON.stringify(body)} as Response;
    });
}

const calls = (fetchMock: jest.Mock, key: string) => fetchMock.mock.calls.filter(([url, init]) => `${init?.method ?? 'GET'} ${String(url).replace(/^.*\/plugins\/[^/]+/, '')}` === key);

let submit: jest.Mock;
beforeEach(() => {
    jest.useFakeTimers();
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    submit = jest.fn();
    HTMLFormElement.prototype.submit = submit;
});
afterEach(() => {
    jest.useRealTimers();
});

const openAnswer = (token: string, ttlFromNowMs: number, mode = 'edit'): Answer => ({body: () => ({...session, accessToken: token, accessTokenTtl: Date.now() + ttlFromNowMs, mode})});
const unlocked: LockState = {locked: false, contested: false, canRelease: true};

function baseQueues(open: Answer[], lock: Answer[] = [{body: {locked: true, holderId: 'me', contested: false, canRelease: true}}]): Queues {
    return {
        'GET /api/v1/files/f1/rights': [{body: rights({canEdit: true})}],
        'POST /api/v1/files/f1/editors': [{body: {editors: []}}],
        'GET /api/v1/files/f1/editors': [{body: {editors: []}}],
        'POST /api/v1/files/f1/open': open,
        'GET /api/v1/files/f1/lock': lock,
    };
}

async function advance(ms: number) {
    await act(async () => {
        await jest.advanceTimersByTimeAsync(ms);
    });
}

async function openLoaded(queues: Queues) {
    const fetchMock = scripted(queues);
    const view = renderWithStore(<Editor target={{fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}}/>);
    await advance(10);
    expect(submit).toHaveBeenCalledTimes(1);
    const toFrame = jest.spyOn(frameWindow(), 'postMessage');
    collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'});
    await advance(0);
    return {fetchMock, toFrame, view};
}

const resets = (toFrame: jest.SpyInstance) => sentToFrame(toFrame).filter((m) => m.MessageId === 'Reset_Access_Token').map((m) => m.Values);

describe('the editor keeps its access token fresh', () => {
    it('asks for a new edit token 30 s before a 1-minute token expires and hands it over without reloading', async () => {
        const {fetchMock, toFrame} = await openLoaded(baseQueues([openAnswer('first', 60_000), openAnswer('second', 60_000), openAnswer('third', 60_000)]));
        const iframeName = (screen.getByTestId('collabora-iframe') as HTMLIFrameElement).name;

        await advance(29_000);
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(1);
        expect(resets(toFrame)).toEqual([]);
        await advance(1_000);
        const opens = calls(fetchMock, 'POST /api/v1/files/f1/open');
        expect(opens).toHaveLength(2);
        expect(opens[1][1]?.body).toBe('{"mode":"edit"}');
        expect(resets(toFrame)).toEqual([{token: 'second'}]);

        // Same frame, same document: no second form POST.
        expect(submit).toHaveBeenCalledTimes(1);
        expect((screen.getByTestId('collabora-iframe') as HTMLIFrameElement).name).toBe(iframeName);
        expect(screen.queryByTestId('collabora-rights-lost')).not.toBeInTheDocument();

        // The next refresh follows the new token's lifetime.
        await advance(30_000);
        expect(resets(toFrame)).toEqual([{token: 'second'}, {token: 'third'}]);
    });

    it('refreshes a 10-hour token after 8 hours, not before', async () => {
        const {fetchMock} = await openLoaded(baseQueues([openAnswer('first', 600 * 60_000), openAnswer('second', 600 * 60_000)]));
        await advance((480 * 60_000) - 1_000);
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(1);
        await advance(1_000);
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(2);
    });

    it('hands over the view token when the user lost the right to edit, and says why', async () => {
        const queues = baseQueues([openAnswer('first', 60_000), openAnswer('view-token', 60_000, 'view')]);
        const {toFrame} = await openLoaded(queues);
        queues['GET /api/v1/files/f1/rights'] = [{body: rights({canEdit: false, reason: 'The owner made it view only.'})}];
        await advance(30_000);
        expect(resets(toFrame)).toEqual([{token: 'view-token'}]);
        const banner = screen.getByTestId('collabora-rights-lost');
        expect(banner).toHaveTextContent('You can no longer edit this document.');
        expect(banner).toHaveTextContent('The owner made it view only.');
    });

    it('retries a failed refresh with backoff, says so once the token expired, and recovers', async () => {
        const failure = {status: 503, body: {error: 'Collabora Online is not available right now.', code: 'COLLABORA_UNAVAILABLE'}};
        const {fetchMock, toFrame} = await openLoaded(baseQueues([openAnswer('first', 60_000), failure, failure, failure, failure, openAnswer('late', 60_000)]));
        const opens = () => calls(fetchMock, 'POST /api/v1/files/f1/open').length;

        await advance(30_000);
        expect(opens()).toBe(2);
        await advance(5_000);
        expect(opens()).toBe(3);
        await advance(10_000);
        expect(opens()).toBe(4);
        expect(screen.queryByTestId('collabora-access-expired')).not.toBeInTheDocument();

        // 45 s in, 15 s left: the next try is at the expiry, and its failure is shown.
        await advance(15_000);
        expect(opens()).toBe(5);
        expect(screen.getByTestId('collabora-access-expired')).toHaveTextContent('Collabora Online is not available right now.');
        expect(resets(toFrame)).toEqual([]);

        await advance(40_000);
        expect(opens()).toBe(6);
        expect(resets(toFrame)).toEqual([{token: 'late'}]);
        expect(screen.queryByTestId('collabora-access-expired')).not.toBeInTheDocument();
    });

    it('stops refreshing when the editor closes', async () => {
        const {fetchMock, view} = await openLoaded(baseQueues([openAnswer('first', 60_000), openAnswer('second', 60_000)]));
        view.unmount();
        await advance(120_000);
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(1);
    });
});

const heldByCrashed = (overrides: Partial<LockState> = {}): Answer => ({body: {locked: true, holderId: 'u2', holderName: 'Ben', since: Date.UTC(2026, 11, 4, 21, 5), contested: true, canRelease: true, ...overrides}});
const ownView = (readOnly: boolean) => [{ViewId: '1', UserId: 'me', UserName: 'me', IsCurrentView: true, ReadOnly: readOnly}];

describe('another session\'s lock', () => {
    it('shows nothing while our own session holds the lock', async () => {
        const {fetchMock} = await openLoaded(baseQueues([openAnswer('first', 3_600_000)]));
        collaboraSays('Views_List', ownView(false) as never);
        await advance(LOCK_POLL_MS * 3);
        expect(screen.queryByTestId('collabora-lock-banner')).not.toBeInTheDocument();
        expect(calls(fetchMock, 'GET /api/v1/files/f1/lock')).toHaveLength(1);
    });

    it('says who holds it since when, and the owner releases it and the editor reopens', async () => {
        const queues = baseQueues([openAnswer('first', 3_600_000), openAnswer('reopened', 3_600_000)], [heldByCrashed()]);
        queues['DELETE /api/v1/files/f1/lock'] = [{body: unlocked}];
        const {fetchMock} = await openLoaded(queues);
        collaboraSays('Views_List', ownView(true) as never);
        await advance(0);
        const banner = screen.getByTestId('collabora-lock-banner');
        expect(banner).toHaveTextContent('Read-only: Ben has held the lock on this document since Dec 4, 2026');
        expect(banner).toHaveTextContent('release the lock');
        const firstFrame = screen.getByTestId('collabora-iframe');

        queues['GET /api/v1/files/f1/lock'] = [{body: {locked: true, holderId: 'me', contested: false, canRelease: true}}];
        act(() => screen.getByTestId('collabora-lock-release').click());
        await advance(10);
        expect(calls(fetchMock, 'DELETE /api/v1/files/f1/lock')).toHaveLength(1);

        // A new frame and a new session: Collabora loads the document again and takes the lock.
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(2);
        expect(submit).toHaveBeenCalledTimes(2);
        expect(firstFrame).not.toBeInTheDocument();
        expect(screen.queryByTestId('collabora-lock-banner')).not.toBeInTheDocument();
        collaboraSays('App_LoadingStatus', {Status: 'Document_Loaded'});
        collaboraSays('Views_List', ownView(false) as never);
        await advance(LOCK_POLL_MS);
        expect(screen.queryByTestId('collabora-lock-banner')).not.toBeInTheDocument();
    });

    it('shows a contested lock without waiting for the views list; without the right, only explains', async () => {
        const {fetchMock} = await openLoaded(baseQueues([openAnswer('first', 3_600_000)], [heldByCrashed({canRelease: false, holderName: undefined, since: undefined})]));
        const banner = screen.getByTestId('collabora-lock-banner');
        expect(banner).toHaveTextContent('Read-only: another editing session holds the lock on this document.');
        expect(banner).toHaveTextContent('The owner or an admin can release it');
        expect(screen.queryByTestId('collabora-lock-release')).not.toBeInTheDocument();

        // Polled every 10 s for 10 minutes, then only on demand.
        await advance(LOCK_POLL_WINDOW_MS + (LOCK_POLL_MS * 6));
        const polls = calls(fetchMock, 'GET /api/v1/files/f1/lock').length;
        expect(polls).toBe(LOCK_POLL_WINDOW_MS / LOCK_POLL_MS);
        act(() => screen.getByRole('button', {name: 'Check again'}).click());
        await advance(0);
        expect(calls(fetchMock, 'GET /api/v1/files/f1/lock')).toHaveLength(polls + 1);
    });

    it('offers to reopen once the lock went away while the editor is still read-only', async () => {
        const queues = baseQueues([openAnswer('first', 3_600_000), openAnswer('again', 3_600_000)], [heldByCrashed(), {body: unlocked}]);
        const {fetchMock} = await openLoaded(queues);
        collaboraSays('Views_List', ownView(true) as never);
        await advance(LOCK_POLL_MS);
        expect(screen.getByTestId('collabora-lock-banner')).toHaveAttribute('data-lock', 'freed');
        const polls = calls(fetchMock, 'GET /api/v1/files/f1/lock').length;
        await advance(LOCK_POLL_MS * 3);
        expect(calls(fetchMock, 'GET /api/v1/files/f1/lock')).toHaveLength(polls);
        act(() => screen.getByRole('button', {name: 'Reopen for editing'}).click());
        await advance(10);
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(2);
    });

    it('says why a release was refused and keeps the editor as it is', async () => {
        const queues = baseQueues([openAnswer('first', 3_600_000)], [heldByCrashed()]);
        queues['DELETE /api/v1/files/f1/lock'] = [{status: 403, body: {error: 'Only the owner or an admin can release the lock.', code: 'FORBIDDEN'}}];
        const {fetchMock} = await openLoaded(queues);
        act(() => screen.getByTestId('collabora-lock-release').click());
        await advance(10);
        expect(screen.getByTestId('collabora-lock-banner')).toHaveTextContent('Could not release the lock. Only the owner or an admin can release the lock.');
        expect(calls(fetchMock, 'POST /api/v1/files/f1/open')).toHaveLength(1);
    });
});
