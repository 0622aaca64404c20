// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The plugin's slice of the host store, at state['plugins-<plugin id>'] (registry.registerReducer).
import type {ClientConfig, Editor, EditPolicy, FileRights, OpenMode} from './client';
import {pluginId} from './manifest';

export type EditorTarget = {fileId: string; fileName: string; mode: OpenMode};

export type NoticeKind = 'cannot_edit' | 'cannot_open' | 'not_configured' | 'error';

export type DialogState =
    | {kind: 'new_document'; channelId: string; rootId?: string}
    | {kind: 'policy'; fileId: string; fileName: string}
    | {kind: 'notice'; notice: NoticeKind; message: string};

export type PluginState = {
    clientConfig: ClientConfig | null;
    rights: Record<string, FileRights>;
    editors: Record<string, Editor[]>;
    documentVersions: Record<string, number>;
    editor: EditorTarget | null;
    dialog: DialogState | null;
};

const prefix = `${pluginId}/`;
export const ActionTypes = {
    RECEIVED_CLIENT_CONFIG: `${prefix}received_client_config`,
    USER_CHANGED: `${prefix}user_changed`,
    RECEIVED_RIGHTS: `${prefix}received_rights`,
    POLICY_CHANGED: `${prefix}policy_changed`,
    RECEIVED_EDITORS: `${prefix}received_editors`,
    DOCUMENT_UPDATED: `${prefix}document_updated`,
    OPEN_EDITOR: `${prefix}open_editor`,
    CLOSE_EDITOR: `${prefix}close_editor`,
    EDITOR_FILE_RENAMED: `${prefix}editor_file_renamed`,
    OPEN_DIALOG: `${prefix}open_dialog`,
    CLOSE_DIALOG: `${prefix}close_dialog`,
} as const;

export type PluginAction =
    | {type: typeof ActionTypes.RECEIVED_CLIENT_CONFIG; config: ClientConfig}
    | {type: typeof ActionTypes.USER_CHANGED}
    | {type: typeof ActionTypes.RECEIVED_RIGHTS; fileId: string; rights: FileRights}
    | {type: typeof ActionTypes.POLICY_CHANGED; fileId: string; policy: EditPolicy}
    | {type: typeof ActionTypes.RECEIVED_EDITORS; fileId: string; editors: Editor[]}
    | {type: typeof ActionTypes.DOCUMENT_UPDATED; fileId: string}
    | {type: typeof ActionTypes.OPEN_EDITOR; target: EditorTarget}
    | {type: typeof ActionTypes.CLOSE_EDITOR}
    | {type: typeof ActionTypes.EDITOR_FILE_RENAMED; fileId: string; fileName: string}
    | {type: typeof ActionTypes.OPEN_DIALOG; dialog: DialogState}
    | {type: typeof ActionTypes.CLOSE_DIALOG};

export const initialState: PluginState = {
    clientConfig: null,
    rights: {},
    editors: {},
    documentVersions: {},
    editor: null,
    dialog: null,
};

function isPluginAction(action: {type: string}): action is PluginAction {
    return typeof action.type === 'string' && action.type.startsWith(prefix);
}

export default function reducer(state: PluginState = initialState, incoming: {type: string}): PluginState {
    if (!isPluginAction(incoming)) {
        return state;
    }
    const action = incoming;
    switch (action.type) {
    case ActionTypes.RECEIVED_CLIENT_CONFIG:
        return {...state, clientConfig: action.config};
    case ActionTypes.USER_CHANGED:
        // Rights, editors and open dialogs belonged to the previous user (login in the same page).
        return {...initialState, clientConfig: state.clientConfig};
    case ActionTypes.RECEIVED_RIGHTS:
        return {...state, rights: {...state.rights, [action.fileId]: action.rights}};
    case ActionTypes.POLICY_CHANGED: {
        const known = state.rights[action.fileId];
        if (!known) {
            return state;
        }
        return {...state, rights: {...state.rights, [action.fileId]: {...known, policy: action.policy}}};
    }
    case ActionTypes.RECEIVED_EDITORS:
        return {...state, editors: {...state.editors, [action.fileId]: action.editors}};
    case ActionTypes.DOCUMENT_UPDATED:
        return {
            ...state,
            documentVersions: {...state.documentVersions, [action.fileId]: (state.documentVersions[action.fileId] ?? 0) + 1},
        };
    case ActionTypes.OPEN_EDITOR:
        return {...state, editor: action.target, dialog: null};
    case ActionTypes.CLOSE_EDITOR:
        return {...state, editor: null};
    case ActionTypes.EDITOR_FILE_RENAMED:
        if (!state.editor || state.editor.fileId !== action.fileId) {
            return state;
        }
        return {...state, editor: {...state.editor, fileName: action.fileName}};
    case ActionTypes.OPEN_DIALOG:
        return {...state, dialog: action.dialog};
    case ActionTypes.CLOSE_DIALOG:
        return {...state, dialog: null};
    default:
        return state;
    }
}
