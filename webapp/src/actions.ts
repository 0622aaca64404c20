// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Redux actions and thunks (the host store runs redux-thunk). Components never call the client
// for shared facts (config, rights, editors) themselves, so every surface sees the same answer.
import {client, ClientError} from './client';
import type {Editor, EditPolicy, FileRights, OpenMode} from './client';
import {canEditFormat, canOpenFormat, fileExtension} from './formats';
import {ActionTypes} from './reducer';
import type {DialogState, EditorTarget, NoticeKind, PluginAction} from './reducer';
import {getClientConfig, getRights} from './selectors';
import type {HostState} from './selectors';

export type GetState = () => HostState;
export interface AppDispatch {
    <R>(thunk: (dispatch: AppDispatch, getState: GetState) => R): R;
    (action: PluginAction): PluginAction;
}

export type FileRef = {id: string; name: string; extension?: string};

export const openEditor = (target: EditorTarget): PluginAction => ({type: ActionTypes.OPEN_EDITOR, target});
export const closeEditor = (): PluginAction => ({type: ActionTypes.CLOSE_EDITOR});
export const editorFileRenamed = (fileId: string, fileName: string): PluginAction => ({type: ActionTypes.EDITOR_FILE_RENAMED, fileId, fileName});
export const openDialog = (dialog: DialogState): PluginAction => ({type: ActionTypes.OPEN_DIALOG, dialog});
export const closeDialog = (): PluginAction => ({type: ActionTypes.CLOSE_DIALOG});
export const showNotice = (notice: NoticeKind, message: string): PluginAction => openDialog({kind: 'notice', notice, message});
export const receivedRights = (fileId: string, rights: FileRights): PluginAction => ({type: ActionTypes.RECEIVED_RIGHTS, fileId, rights});
export const receivedEditors = (fileId: string, editors: Editor[]): PluginAction => ({type: ActionTypes.RECEIVED_EDITORS, fileId, editors});

export function errorMessage(err: unknown): string {
    return err instanceof Error ? err.message : '';
}

export function fetchClientConfig() {
    return async (dispatch: AppDispatch): Promise<void> => {
        try {
            const config = await client.getClientConfig();
            dispatch({type: ActionTypes.RECEIVED_CLIENT_CONFIG, config});
        } catch {
            // Without a config nothing is previewed or offered: Mattermost's own viewer stays in place.
        }
    };
}

// The config, loaded now if the menu was drawn before it arrived (login page, slow network).
export function ensureClientConfig() {
    return async (dispatch: AppDispatch, getState: GetState) => {
        if (!getClientConfig(getState())) {
            await dispatch(fetchClientConfig());
        }
        return getClientConfig(getState());
    };
}

export const userChanged = (): PluginAction => ({type: ActionTypes.USER_CHANGED});

export function fetchRights(fileId: string) {
    return async (dispatch: AppDispatch): Promise<FileRights> => {
        const rights = await client.getRights(fileId);
        dispatch(receivedRights(fileId, rights));
        return rights;
    };
}

export function changePolicy(fileId: string, policy: EditPolicy) {
    return async (dispatch: AppDispatch): Promise<FileRights> => {
        const rights = await client.setPolicy(fileId, policy);
        dispatch(receivedRights(fileId, rights));
        return rights;
    };
}

// 'edit' comes from an Edit button: edit or explain why not. 'auto' (Join, a new document) edits
// when allowed and otherwise views.
export function openDocument(file: FileRef, wanted: OpenMode | 'auto') {
    return async (dispatch: AppDispatch): Promise<void> => {
        const config = await dispatch(ensureClientConfig());
        if (!config?.configured) {
            dispatch(showNotice('not_configured', config?.error ?? ''));
            return;
        }
        const ext = fileExtension(file);
        let rights: FileRights;
        try {
            rights = await dispatch(fetchRights(file.id));
        } catch (err) {
            dispatch(showNotice('error', errorMessage(err)));
            return;
        }
        const editable = canEditFormat(ext, config) && rights.canEdit;
        if (wanted === 'edit' && !editable) {
            dispatch(showNotice('cannot_edit', rights.reason));
            return;
        }
        if (!editable && !(rights.canView && canOpenFormat(ext, config))) {
            dispatch(showNotice('cannot_open', rights.reason));
            return;
        }
        dispatch(openEditor({fileId: file.id, fileName: file.name, mode: editable && wanted !== 'view' ? 'edit' : 'view'}));
    };
}

// Editors of a file as the server knows them now; later changes arrive as editors_changed events.
// An editors_changed event that lands while the request is in flight is newer than its answer.
const requestedEditors = new Set<string>();
const editorEvents = new Map<string, number>();
export function fetchEditorsOnce(fileId: string) {
    return async (dispatch: AppDispatch): Promise<void> => {
        if (requestedEditors.has(fileId)) {
            return;
        }
        requestedEditors.add(fileId);
        const seen = editorEvents.get(fileId) ?? 0;
        try {
            const editors = await client.getEditors(fileId);
            if ((editorEvents.get(fileId) ?? 0) === seen) {
                dispatch(receivedEditors(fileId, editors));
            }
        } catch {
            requestedEditors.delete(fileId);
        }
    };
}

export function resetEditorRequests(): void {
    requestedEditors.clear();
    editorEvents.clear();
}

function isEditor(value: unknown): value is Editor {
    if (typeof value !== 'object' || value === null) {
        return false;
    }
    const v = value as Record<string, unknown>;
    return typeof v.userId === 'string' && typeof v.username === 'string' && typeof v.displayName === 'string';
}

// editors_changed carries its list as a JSON string (websocket payloads are flat string maps).
export function parseEditors(raw: unknown): Editor[] {
    let value = raw;
    if (typeof raw === 'string') {
        try {
            value = JSON.parse(raw);
        } catch {
            return [];
        }
    }
    return Array.isArray(value) ? value.filter(isEditor) : [];
}

function str(data: Record<string, unknown>, key: string): string {
    const value = data[key];
    return typeof value === 'string' ? value : '';
}

export function handlePolicyChanged(data: Record<string, unknown>) {
    return (dispatch: AppDispatch, getState: GetState): void => {
        const fileId = str(data, 'file_id');
        const policy = str(data, 'policy') as EditPolicy;
        if (!fileId) {
            return;
        }
        dispatch({type: ActionTypes.POLICY_CHANGED, fileId, policy});

        // canEdit depends on who we are: ask again, but only for files this client has looked at.
        if (getRights(getState(), fileId)) {
            dispatch(fetchRights(fileId)).catch(() => undefined);
        }
    };
}

export function handleEditorsChanged(data: Record<string, unknown>) {
    return (dispatch: AppDispatch): void => {
        const fileId = str(data, 'file_id');
        if (fileId) {
            editorEvents.set(fileId, (editorEvents.get(fileId) ?? 0) + 1);
            dispatch(receivedEditors(fileId, parseEditors(data.editors)));
        }
    };
}

export function handleDocumentUpdated(data: Record<string, unknown>) {
    return (dispatch: AppDispatch): void => {
        const fileId = str(data, 'file_id');
        if (fileId) {
            dispatch({type: ActionTypes.DOCUMENT_UPDATED, fileId});
        }
    };
}

export function isClientError(err: unknown, status?: number): err is ClientError {
    return err instanceof ClientError && (status === undefined || err.status === status);
}
