// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import type {FileInfo} from '@mattermost/types/files';
import {render, screen, waitFor} from '@testing-library/react';
import React from 'react';
import {IntlProvider} from 'react-intl';

import type {AppDispatch} from '../../actions';
import {client} from '../../client';
import type {FileRights} from '../../client';
import type {HostState} from '../../selectors';
import en from '../../../i18n/en.json';
import {baseHostState, makeStore, mockFetch, pluginState, rights, testConfig} from '../../../tests/helpers';

import {EditMenuText, RightsMenuText, makeFileMenuActions} from './index';

const file = (overrides: Partial<FileInfo> = {}): FileInfo => ({
    id: 'f1', user_id: 'someone', channel_id: 'chan1', create_at: 0, update_at: 0, delete_at: 0, name: 'plan.docx', extension: 'docx',
    size: 1, mime_type: '', width: 0, height: 0, has_preview_image: false, clientId: '', archived: false, ...overrides,
});

type Role = 'owner' | 'system_admin' | 'channel_admin' | 'member' | 'guest';

function hostFor(role: Role): HostState {
    const host = baseHostState();
    const entities = host.entities!;
    if (role === 'system_admin') {
        entities.users!.profiles!.me = {roles: 'system_user system_admin'};
    }
    if (role === 'channel_admin') {
        entities.channels!.myMembers!.chan1 = {roles: 'channel_user', scheme_admin: true};
    }
    if (role === 'guest') {
        entities.users!.profiles!.me = {roles: 'system_guest'};
        entities.channels!.myMembers!.chan1 = {roles: 'channel_guest'};
    }
    return host;
}

function actionsFor(role: Role, known?: FileRights) {
    const store = makeStore(hostFor(role), known ? {rights: {f1: known}} : {});
    const menu = makeFileMenuActions({getState: () => store.getState() as HostState, dispatch: store.dispatch as unknown as AppDispatch});
    return {store, menu, owned: file({user_id: role === 'owner' ? 'me' : 'someone'})};
}

beforeEach(() => client.setBaseUrl('', 'com.collaboraonline.mattermost'));

describe('"Editing rights…" visibility per role', () => {
    it.each([
        ['owner', true],
        ['system_admin', true],
        ['channel_admin', true],
        ['member', false],
        ['guest', false],
    ] as Array<[Role, boolean]>)('%s before the server answered: %s', (role, expected) => {
        const {menu, owned} = actionsFor(role);
        expect(menu.rightsMatch(owned)).toBe(expected);
    });

    it('follows the server once it has answered', () => {
        expect(actionsFor('owner', rights({canChangePolicy: false})).menu.rightsMatch(file({user_id: 'me'}))).toBe(false);
        expect(actionsFor('member', rights({canChangePolicy: true})).menu.rightsMatch(file())).toBe(true);
    });

    it('is not offered for formats Collabora cannot open', () => {
        const {menu} = actionsFor('owner');
        expect(menu.rightsMatch(file({user_id: 'me', name: 'a.zip', extension: 'zip'}))).toBe(false);
    });

    it('opens the rights dialog', async () => {
        const {store, menu} = actionsFor('owner');
        await menu.rightsAction(file());
        expect(pluginState(store).dialog).toEqual({kind: 'policy', fileId: 'f1', fileName: 'plan.docx'});
    });
});

describe('"Edit in Collabora Online"', () => {
    it.each([
        ['docx', true], ['xlsx', true], ['odt', true], ['pages', false], ['vsdx', false], ['pdf', false], ['zip', false],
    ])('is shown for %s: %s', (extension, expected) => {
        const {menu} = actionsFor('member');
        expect(menu.editMatch(file({name: `a.${extension}`, extension}))).toBe(expected);
    });

    it('is hidden when Collabora is not configured', () => {
        const store = makeStore(baseHostState(), {clientConfig: {...testConfig, configured: false}});
        const menu = makeFileMenuActions({getState: () => store.getState() as HostState, dispatch: store.dispatch as unknown as AppDispatch});
        expect(menu.editMatch(file())).toBe(false);
    });


    it('opens the editor for those who may edit', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canEdit: true})}]);
        const {store, menu} = actionsFor('member');
        menu.editAction(file());
        await waitFor(() => expect(pluginState(store).editor).toEqual({fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}));
    });

    it('shows the reason to the others', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canEdit: false, reason: 'Guests cannot edit.'})}]);
        const {store, menu} = actionsFor('guest');
        menu.editAction(file());
        await waitFor(() => expect(pluginState(store).dialog).toEqual({kind: 'notice', notice: 'cannot_edit', message: 'Guests cannot edit.'}));
        expect(pluginState(store).editor).toBeNull();
    });
});

it('labels the menu entries through react-intl', () => {
    render(<IntlProvider locale='en' messages={en}><p><EditMenuText/></p><p><RightsMenuText/></p></IntlProvider>);
    expect(screen.getByText('Edit in Collabora Online')).toBeInTheDocument();
    expect(screen.getByText('Editing rights…')).toBeInTheDocument();
});

// Mattermost renders the attachment (and calls match) once; it may do so before our config is in.
describe('menus drawn before the config arrived', () => {
    const early = () => {
        const store = makeStore(baseHostState(), {clientConfig: null});
        return {store, menu: makeFileMenuActions({getState: () => store.getState() as HostState, dispatch: store.dispatch as unknown as AppDispatch})};
    };

    it('offer the formats Collabora usually edits, and nothing else', () => {
        const {menu} = early();
        expect(menu.editMatch(file())).toBe(true);
        expect(menu.editMatch(file({name: 'a.zip', extension: 'zip'}))).toBe(false);
        expect(menu.rightsMatch(file({user_id: 'me'}))).toBe(true);
    });

    it('load the config on click, then edit', async () => {
        mockFetch([
            {method: 'GET', path: '/api/v1/client_config', body: testConfig},
            {method: 'GET', path: '/api/v1/files/f1/rights', body: rights({canEdit: true})},
        ]);
        const {store, menu} = early();
        menu.editAction(file());
        await waitFor(() => expect(pluginState(store).editor).toEqual({fileId: 'f1', fileName: 'plan.docx', mode: 'edit'}));
    });

    it('say so on click when Collabora turns out not to be set up', async () => {
        mockFetch([{method: 'GET', path: '/api/v1/client_config', body: {...testConfig, configured: false, error: 'No Collabora Online URL.'}}]);
        const {store, menu} = early();
        await menu.rightsAction(file({user_id: 'me'}));
        expect(pluginState(store).dialog).toEqual({kind: 'notice', notice: 'not_configured', message: 'No Collabora Online URL.'});
    });
});
