// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {closeDialog, closeEditor, editorFileRenamed, openDialog, openEditor, receivedRights} from './actions';
import reducer, {ActionTypes, initialState} from './reducer';
import type {PluginAction} from './reducer';

const policyChanged: PluginAction = {type: ActionTypes.POLICY_CHANGED, fileId: 'f1', policy: 'owner'};

const rights = {canView: true, canEdit: true, reason: '', policy: 'channel' as const, canChangePolicy: true};

describe('reducer', () => {
    it('ignores actions that are not ours', () => {
        expect(reducer(initialState, {type: 'RECEIVED_POST'})).toBe(initialState);
        expect(reducer(undefined, {type: '@@INIT'})).toEqual(initialState);
    });

    it('opening the editor closes any dialog; renames follow the open file only', () => {
        let state = reducer(initialState, openDialog({kind: 'notice', notice: 'error', message: 'x'}));
        state = reducer(state, openEditor({fileId: 'f1', fileName: 'a.docx', mode: 'edit'}));
        expect(state.dialog).toBeNull();
        expect(reducer(state, editorFileRenamed('f2', 'b.docx')).editor?.fileName).toBe('a.docx');
        expect(reducer(state, editorFileRenamed('f1', 'b.docx')).editor?.fileName).toBe('b.docx');
        expect(reducer(state, closeEditor()).editor).toBeNull();
        expect(reducer(initialState, editorFileRenamed('f1', 'b.docx'))).toBe(initialState);
    });

    it('policy changes update known rights only', () => {
        const known = reducer(initialState, receivedRights('f1', rights));
        expect(reducer(known, policyChanged).rights.f1.policy).toBe('owner');
        expect(reducer(initialState, policyChanged)).toBe(initialState);
    });

    it('closes dialogs', () => {
        const state = reducer(initialState, openDialog({kind: 'policy', fileId: 'f1', fileName: 'a'}));
        expect(reducer(state, closeDialog()).dialog).toBeNull();
    });
});
