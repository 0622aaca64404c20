// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Reads from the host store. Only the few fields we need are typed (and all are treated as optional),
// which keeps mattermost-redux's selector graph out of the bundle and lets tests build tiny states.
import type {FileInfo} from '@mattermost/types/files';
import type {Post} from '@mattermost/types/posts';

import type {ClientConfig, Editor, FileRights} from './client';
import {pluginId} from './manifest';
import {initialState} from './reducer';
import type {DialogState, EditorTarget, PluginState} from './reducer';

export type HostState = {
    entities?: {
        general?: {config?: {SiteURL?: string}};
        users?: {currentUserId?: string; profiles?: Record<string, {roles?: string} | undefined>};
        channels?: {
            currentChannelId?: string;
            myMembers?: Record<string, {roles?: string; scheme_admin?: boolean} | undefined>;
        };
        posts?: {posts?: Record<string, Post | undefined>};
        teams?: {currentTeamId?: string; teams?: Record<string, {name?: string} | undefined>};
        files?: {files?: Record<string, FileInfo | undefined>; fileIdsByPostId?: Record<string, string[] | undefined>};
    };
    views?: {rhs?: {selectedPostId?: string}};
    [key: string]: unknown;
};

const stateKey = `plugins-${pluginId}`;
const EMPTY_EDITORS: Editor[] = [];

export function getPluginState(state: HostState): PluginState {
    return (state[stateKey] as PluginState | undefined) ?? initialState;
}

export const getClientConfig = (state: HostState): ClientConfig | null => getPluginState(state).clientConfig;
export const getRights = (state: HostState, fileId: string): FileRights | undefined => getPluginState(state).rights[fileId];
export const getEditors = (state: HostState, fileId: string): Editor[] => getPluginState(state).editors[fileId] ?? EMPTY_EDITORS;
export const getDocumentVersion = (state: HostState, fileId: string): number => getPluginState(state).documentVersions[fileId] ?? 0;
export const getEditorTarget = (state: HostState): EditorTarget | null => getPluginState(state).editor;
export const getDialog = (state: HostState): DialogState | null => getPluginState(state).dialog;

// The Site URL's path ('' or e.g. '/chat'), so subpath installs reach /<path>/plugins/<id>.
export function getSiteRoot(state: HostState): string {
    const siteUrl = state.entities?.general?.config?.SiteURL ?? '';
    if (!siteUrl) {
        return '';
    }
    try {
        return new URL(siteUrl).pathname.replace(/\/+$/, '');
    } catch {
        return '';
    }
}

export const getCurrentUserId = (state: HostState): string => state.entities?.users?.currentUserId ?? '';
export function getCurrentTeamName(state: HostState): string {
    const teams = state.entities?.teams;
    return teams?.teams?.[teams.currentTeamId ?? '']?.name ?? '';
}
export const getCurrentChannelId = (state: HostState): string => state.entities?.channels?.currentChannelId ?? '';
export const getSelectedRhsPostId = (state: HostState): string => state.views?.rhs?.selectedPostId ?? '';
export const getPost = (state: HostState, postId: string): Post | undefined => state.entities?.posts?.posts?.[postId];

// The attachments of a post: from the files store when loaded, else the post's metadata.
export function getPostFiles(state: HostState, postId: string): FileInfo[] {
    const files = state.entities?.files;
    const ids = files?.fileIdsByPostId?.[postId];
    if (ids && ids.length > 0) {
        return ids.map((id) => files?.files?.[id]).filter((f): f is FileInfo => Boolean(f));
    }
    return getPost(state, postId)?.metadata?.files ?? [];
}

function hasRole(roles: string | undefined, role: string): boolean {
    return (roles ?? '').split(' ').includes(role);
}

export function isSystemAdmin(state: HostState): boolean {
    const user = state.entities?.users?.profiles?.[getCurrentUserId(state)];
    return hasRole(user?.roles, 'system_admin');
}

export function isChannelAdmin(state: HostState, channelId: string): boolean {
    const member = state.entities?.channels?.myMembers?.[channelId];
    return Boolean(member && (member.scheme_admin || hasRole(member.roles, 'channel_admin')));
}

// Whether to offer "Editing rights…" before the rights API has answered. The server decides
// (canChangePolicy); until it has, the owner, channel admins and system admins see the entry.
export function mayChangePolicy(state: HostState, fileInfo: FileInfo): boolean {
    const rights = getRights(state, fileInfo.id);
    if (rights) {
        return rights.canChangePolicy;
    }
    return fileInfo.user_id === getCurrentUserId(state) ||
        isSystemAdmin(state) ||
        Boolean(fileInfo.channel_id && isChannelAdmin(state, fileInfo.channel_id));
}
