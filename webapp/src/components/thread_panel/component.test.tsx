// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {Post} from '@mattermost/types/posts';
import type {UserProfile} from '@mattermost/types/users';
import {act, fireEvent, screen, waitFor} from '@testing-library/react';
import React from 'react';

import {client} from '../../client';
import {mattermost} from '../../mattermost_client';
import {handlePostEvent} from '../../post_events';
import {mockFetch, renderWithStore} from '../../../tests/helpers';

import {preferenceKey} from './panel_preference';

import ThreadPanel from './index';

const post = (id: string, message: string, extra: Partial<Post> = {}): Post => ({
    id, message, root_id: 'root', channel_id: 'chan1', user_id: 'u1', create_at: Number(id.replace(/\D/g, '') || 0), delete_at: 0, type: '', ...extra,
} as Post);
const root = post('root', 'Minutes of the **planning** meeting', {root_id: '', create_at: 0});
const user = {id: 'u1', username: 'ana', first_name: 'Ana', last_name: 'Lopez', last_picture_update: 0} as UserProfile;

function setUp(posts: Post[] = [root, post('p1', 'First reply')]) {
    client.setBaseUrl('', 'com.collaboraonline.mattermost');
    mockFetch([{method: 'GET', path: '/api/v1/files/f1/thread', body: {rootId: 'root', postId: 'root', channelId: 'chan1'}}]);
    jest.spyOn(mattermost, 'getPostThread').mockResolvedValue({order: posts.map((p) => p.id), posts: Object.fromEntries(posts.map((p) => [p.id, p]))} as never);
    jest.spyOn(mattermost, 'getProfilesByIds').mockResolvedValue([user]);
}

const sendEvent = (kind: 'posted' | 'post_edited' | 'post_deleted', p: Post) => act(() => handlePostEvent(kind, {event: kind, data: {post: JSON.stringify(p)}}));

afterEach(() => {
    jest.restoreAllMocks();
    window.localStorage.clear();
    delete (window as {PostUtils?: unknown}).PostUtils;
    delete (window as {matchMedia?: unknown}).matchMedia;
});

describe('ThreadPanel', () => {
    it('shows the document\'s post and its replies, oldest first, with their authors', async () => {
        setUp([post('p2', 'Second'), root, post('p1', 'First reply')]);
        renderWithStore(<ThreadPanel fileId='f1'/>);
        await screen.findByText('Second');
        const texts = screen.getAllByTestId('collabora-thread-post').map((li) => li.querySelector('.co-thread__text')?.textContent);
        expect(texts).toEqual(['Minutes of the **planning** meeting', 'First reply', 'Second']);
        expect(screen.getByText('2 replies')).toBeInTheDocument();
        await screen.findAllByText('Ana Lopez');
        expect(mattermost.getPostThread).toHaveBeenCalledWith('root', true, false);
    });

    it('follows the thread live: new replies, edits and deletions, and only of this thread', async () => {
        setUp();
        renderWithStore(<ThreadPanel fileId='f1'/>);
        await screen.findByText('First reply');
        sendEvent('posted', post('p5', '@ana edited `Minutes.docx` in Collabora Online.'));
        sendEvent('posted', post('p6', 'Elsewhere', {root_id: 'other'}));
        expect(await screen.findByText('@ana edited `Minutes.docx` in Collabora Online.')).toBeInTheDocument();
        expect(screen.queryByText('Elsewhere')).toBeNull();
        sendEvent('post_edited', post('p1', 'First reply, edited'));
        expect(await screen.findByText('First reply, edited')).toBeInTheDocument();
        sendEvent('post_deleted', post('p5', ''));
        await waitFor(() => expect(screen.queryByText(/edited `Minutes.docx`/)).toBeNull());
    });

    it('posts a reply in the thread with Enter, and keeps the text when it fails', async () => {
        setUp();
        const create = jest.spyOn(mattermost, 'createPost').
            mockRejectedValueOnce(new Error('You do not have the appropriate permissions.')).
            mockResolvedValueOnce(post('p9', 'Looks good'));
        renderWithStore(<ThreadPanel fileId='f1'/>);
        await screen.findByText('First reply');
        const input = screen.getByTestId('collabora-thread-input');
        fireEvent.change(input, {target: {value: 'Looks good'}});
        fireEvent.keyDown(input, {key: 'Enter'});
        expect(await screen.findByRole('alert')).toHaveTextContent('Your reply was not sent. You do not have the appropriate permissions.');
        expect(input).toHaveValue('Looks good');

        fireEvent.keyDown(input, {key: 'Enter'});
        expect(await screen.findByText('Looks good', {selector: '.co-thread__text'})).toBeInTheDocument();
        expect(create).toHaveBeenLastCalledWith({channel_id: 'chan1', root_id: 'root', message: 'Looks good'});
        expect(input).toHaveValue('');

        // Shift+Enter is a new line, not a send.
        fireEvent.change(input, {target: {value: 'two'}});
        fireEvent.keyDown(input, {key: 'Enter', shiftKey: true});
        expect(create).toHaveBeenCalledTimes(2);
    });

    it('leaves the reply box on Esc, keeping the text, without closing the editor', async () => {
        setUp();
        renderWithStore(<ThreadPanel fileId='f1'/>);
        await screen.findByText('First reply');
        const input = screen.getByTestId('collabora-thread-input');
        input.focus();
        fireEvent.change(input, {target: {value: 'half a thought'}});
        const seenByWindow: boolean[] = [];
        const listener = (event: KeyboardEvent) => seenByWindow.push(event.defaultPrevented);
        window.addEventListener('keydown', listener);
        fireEvent.keyDown(input, {key: 'Escape'});
        window.removeEventListener('keydown', listener);
        // The editor's window listener sees a handled key, which it leaves alone.
        expect(seenByWindow).toEqual([true]);
        expect(input).not.toHaveFocus();
        expect(input).toHaveValue('half a thought');
    });

    it('collapses and remembers it for the user', async () => {
        setUp();
        const {unmount} = renderWithStore(<ThreadPanel fileId='f1'/>);
        await screen.findByText('First reply');
        fireEvent.click(screen.getByRole('button', {name: 'Hide the thread'}));
        expect(screen.queryByTestId('collabora-thread-panel')).toBeNull();
        expect(window.localStorage.getItem(preferenceKey('me'))).toBe('true');
        unmount();

        renderWithStore(<ThreadPanel fileId='f1'/>);
        expect(screen.queryByTestId('collabora-thread-panel')).toBeNull();
        fireEvent.click(screen.getByRole('button', {name: 'Show the thread'}));
        expect(await screen.findByTestId('collabora-thread-panel')).toBeInTheDocument();
        expect(window.localStorage.getItem(preferenceKey('me'))).toBe('false');
    });

    it('is a toggle over the editor on a narrow screen', async () => {
        setUp();
        window.matchMedia = jest.fn((query: string) => ({matches: true, media: query, addEventListener: jest.fn(), removeEventListener: jest.fn()})) as never;
        renderWithStore(<ThreadPanel fileId='f1'/>);
        const toggle = screen.getByTestId('collabora-thread-toggle');
        expect(toggle).toHaveClass('co-thread-toggle--floating');
        fireEvent.click(toggle);
        expect(await screen.findByTestId('collabora-thread-panel')).toHaveClass('co-thread--overlay');
        // Not a remembered preference: the overlay would otherwise cover the document next time.
        expect(window.localStorage.getItem(preferenceKey('me'))).toBeNull();
    });

    it('renders messages with Mattermost\'s own renderer when the web app exposes it', async () => {
        setUp();
        const formatText = jest.fn((text: string) => `<b>${text}</b>`);
        const messageHtmlToComponent = jest.fn((html: string) => <span data-testid='rendered'>{html}</span>);
        (window as {PostUtils?: unknown}).PostUtils = {formatText, messageHtmlToComponent};
        renderWithStore(<ThreadPanel fileId='f1'/>);
        await screen.findByText('<b>First reply</b>');
        expect(formatText).toHaveBeenCalledWith('First reply', expect.objectContaining({atMentions: true, markdown: true, mentionHighlight: true}));
        expect(messageHtmlToComponent).toHaveBeenCalledWith('<b>First reply</b>', expect.objectContaining({mentions: true}));
    });

    it('says when the thread cannot be loaded', async () => {
        client.setBaseUrl('', 'com.collaboraonline.mattermost');
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/thread', status: 404, body: {error: 'This file does not exist or you do not have access to it.', code: 'FILE_NOT_FOUND'}}]);
        renderWithStore(<ThreadPanel fileId='f1'/>);
        expect(await screen.findByRole('alert')).toHaveTextContent('The thread could not be loaded. This file does not exist or you do not have access to it.');
        expect(screen.getByTestId('collabora-thread-input')).toBeDisabled();
    });
});
