// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The full-screen editor, a root component (registerRootComponent) opened through our Redux slice.
// It hosts the Collabora frame and answers its PostMessage API: the dirty flag guards closing (own
// button, Collabora's close button, Esc, browser Back), version history, Save As and renames; keeps
// the access token fresh and says when another session's lock keeps the document read-only.
import React, {useCallback, useEffect, useRef, useState} from 'react';
import {createPortal} from 'react-dom';
import {useIntl} from 'react-intl';

import {closeEditor, editorFileRenamed, errorMessage, fetchRights, openEditor} from '../../actions';
import {client} from '../../client';
import type {EditorSession} from '../../client';
import {useAppDispatch, useHostSelector} from '../../hooks';
import {currentViewReadOnly} from '../../post_message';
import type {CollaboraMessage} from '../../post_message';
import type {EditorTarget} from '../../reducer';
import {getEditorTarget, getRights} from '../../selectors';
import CollaboraFrame from '../collabora_frame';
import type {FrameHandle} from '../collabora_frame';
import RevisionsPanel from '../revisions_panel';
import ThreadPanel from '../thread_panel';

import {AccessExpiredBanner, LockBanner, RightsLostBanner} from './editor_banners';
import {CloseGuardDialog, SaveAsDialog, saveAsName} from './editor_dialogs';
import EditorHeader from './editor_header';
import {openHistoryEntry, releaseHistoryEntry, restoreHistoryEntry} from './history_entry';
import {safeDecode} from './safe_decode';
import {useLockWatch} from './use_lock_watch';
import {useMentions} from './use_mentions';
import {useNotice} from './use_notice';
import {usePresence} from './use_presence';
import {useTokenRefresh} from './use_token_refresh';

export const SAVE_BEFORE_CLOSE_TIMEOUT_MS = 15000;
export const RESTORE_ACK_TIMEOUT_MS = 5000;

type Props = {target: EditorTarget; loadTimeoutMs?: number};

export function Editor({target, loadTimeoutMs}: Props) {
    const intl = useIntl();
    const dispatch = useAppDispatch();
    const rights = useHostSelector((state) => getRights(state, target.fileId));
    const frame = useRef<FrameHandle>(null);
    const [loaded, setLoaded] = useState(false);
    const [modified, setModified] = useState(false);
    const [guard, setGuard] = useState(false);
    const [savingToClose, setSavingToClose] = useState(false);
    const [saveAs, setSaveAs] = useState<{format?: string} | null>(null);
    const [revisionsOpen, setRevisionsOpen] = useState(false);
    const [reloadKey, setReloadKey] = useState(0);
    const [notice, setNotice] = useNotice();
    const restoreAck = useRef<(() => void) | null>(null);

    // The session the frame runs; a new frame (frameKey) closes the old one and opens anew.
    const [session, setSession] = useState<EditorSession | null>(null);
    const [frameKey, setFrameKey] = useState(0);
    const [readOnlyReported, setReadOnlyReported] = useState(false);
    const [lockAction, setLockAction] = useState({releasing: false, error: ''});
    const post = useCallback((messageId: string, values: Record<string, unknown>) => frame.current?.post(messageId, values), []);
    const access = useTokenRefresh({fileId: target.fileId, session, loaded, post});
    const editSession = target.mode === 'edit' && session?.mode === 'edit';
    const lockWatch = useLockWatch({fileId: target.fileId, active: editSession && loaded, readOnlyReported});

    const onMention = useMentions({fileId: target.fileId, post, onNotice: setNotice});
    const close = useCallback(() => dispatch(closeEditor()), [dispatch]);
    const closeNow = () => {
        releaseHistoryEntry();
        close();
    };

    // fromHistory: Back already removed our entry; staying means pushing it again.
    function requestClose(fromHistory = false) {
        if (modified) {
            if (fromHistory) {
                restoreHistoryEntry();
            }
            setGuard(true);
            return;
        }
        closeNow();
    }
    const requestCloseRef = useRef(requestClose);
    requestCloseRef.current = requestClose;

    // The entry outlives a switch to read-only (a remount): only the modal's closing releases it.
    useEffect(() => {
        openHistoryEntry(() => requestCloseRef.current(true));
    }, []);

    // A downgraded token is a rights change: the rights say why.
    useEffect(() => {
        dispatch(fetchRights(target.fileId)).catch(() => undefined);
    }, [dispatch, target.fileId, access.downgraded]);

    usePresence(target.fileId);

    const closeNowRef = useRef(closeNow);
    closeNowRef.current = closeNow;
    useEffect(() => {
        if (!savingToClose) {
            return undefined;
        }

        // Collabora also saves when the last view leaves; don't keep the user waiting forever.
        const timer = window.setTimeout(() => closeNowRef.current(), SAVE_BEFORE_CLOSE_TIMEOUT_MS);
        return () => window.clearTimeout(timer);
    }, [savingToClose]);

    const onKey = useRef<(event: KeyboardEvent) => void>(() => undefined);
    onKey.current = (event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented && !guard && !saveAs) {
            if (revisionsOpen) {
                setRevisionsOpen(false);
            } else {
                requestClose();
            }
        }
    };
    useEffect(() => {
        const handler = (event: KeyboardEvent) => onKey.current(event);
        window.addEventListener('keydown', handler);
        return () => window.removeEventListener('keydown', handler);
    }, []);

    const onMessage = (message: CollaboraMessage) => {
        const values = message.Values;
        switch (message.MessageId) {
        case 'Doc_ModifiedStatus':
            setModified(values.Modified === true || values.Modified === 'true');
            break;
        case 'UI_Close':
            requestClose();
            break;
        case 'UI_FileVersions':
            setRevisionsOpen(true);
            break;
        case 'UI_SaveAs':
            setSaveAs({format: typeof values.format === 'string' && values.format ? values.format : undefined});
            break;
        case 'Action_Save_Resp':
            onSaveResponse(values);
            break;
        case 'File_Rename':
            if (typeof values.NewName === 'string' && values.NewName) {
                dispatch(editorFileRenamed(target.fileId, safeDecode(values.NewName)));
            }
            break;
        case 'Views_List':
        case 'Get_Views_Resp': {
            const readOnly = currentViewReadOnly(values);
            if (readOnly !== undefined) {
                setReadOnlyReported(readOnly);
            }
            break;
        }
        case 'UI_Mention':
            onMention(values);
            break;
        case 'App_VersionRestore':
            if (values.Status === 'Pre_Restore_Ack') {
                restoreAck.current?.();
            }
            break;
        default:
            break;
        }
    };

    function onSaveResponse(values: Record<string, unknown>) {
        if (values.success === false) {
            setSavingToClose(false);
            const reason = typeof values.errorMsg === 'string' ? values.errorMsg : '';
            setNotice(intl.formatMessage({id: 'collabora.editor.save_failed', defaultMessage: 'Saving failed. {reason}'}, {reason}));
            return;
        }
        if (savingToClose) {
            closeNow();
            return;
        }
        if (typeof values.fileName === 'string' && values.fileName) {
            setNotice(intl.formatMessage({id: 'collabora.editor.saved_as', defaultMessage: 'Saved as {fileName}'}, {fileName: safeDecode(values.fileName)}));
        }
    }

    const onLoaded = () => {
        setLoaded(true);

        // Our close guard decides; Collabora must not tear the document down on its own close button.
        frame.current?.post('Disable_Default_UIAction', {action: 'UI_Close', disable: true});

        // Collabora also sends Views_List by itself as views come and go; ask once to be sure.
        frame.current?.post('Get_Views', {});
    };

    // Closes the frame and opens the document anew, so Collabora loads it and asks for the lock again.
    const reopenFrame = () => {
        setLoaded(false);
        setModified(false);
        setSession(null);
        setReadOnlyReported(false);
        setFrameKey((key) => key + 1);
    };

    const releaseLock = () => {
        setLockAction({releasing: true, error: ''});
        client.releaseLock(target.fileId).then(() => {
            setLockAction({releasing: false, error: ''});
            reopenFrame();
        }, (err: unknown) => {
            setLockAction({releasing: false, error: intl.formatMessage({id: 'collabora.editor.lock_release_failed', defaultMessage: 'Could not release the lock. {reason}'}, {reason: errorMessage(err)})});
        });
    };

    const saveAndClose = () => {
        setSavingToClose(true);
        frame.current?.post('Action_Save', {DontTerminateEdit: true, DontSaveIfUnmodified: true, Notify: true});
    };

    const restore = async (revisionFileId: string) => {
        // Let Collabora save the current state first, so the restore never loses the latest edits.
        await new Promise<void>((resolve) => {
            const timer = window.setTimeout(resolve, RESTORE_ACK_TIMEOUT_MS);
            restoreAck.current = () => {
                window.clearTimeout(timer);
                resolve();
            };
            frame.current?.post('Host_VersionRestore', {Status: 'Pre_Restore'});
        });
        restoreAck.current = null;
        await client.restoreRevision(target.fileId, revisionFileId);
        setRevisionsOpen(false);
        setModified(false);
        setLoaded(false);
        setReloadKey((key) => key + 1);
        setNotice(intl.formatMessage({id: 'collabora.editor.restored', defaultMessage: 'The version was restored.'}));
    };

    const openInNewTab = () => {
        // Open synchronously (popup blockers), then point the tab at the one-time link.
        const tab = window.open('', '_blank');
        client.createLink(target.fileId).then(({url}) => {
            if (tab) {
                tab.opener = null;
                tab.location.href = url;
            } else {
                window.open(url, '_blank', 'noopener');
            }
        }, (err: unknown) => {
            tab?.close();
            setNotice(intl.formatMessage({id: 'collabora.editor.new_tab_failed', defaultMessage: 'Could not open a new tab. {reason}'}, {reason: errorMessage(err)}));
        });
    };

    const rightsLost = target.mode === 'edit' && loaded && (access.downgraded || (rights !== undefined && !rights.canEdit));

    return createPortal(
        <div className='co-editor co-root' role='dialog' aria-modal='true' aria-label={target.fileName} data-testid='collabora-editor'>
            <EditorHeader
                fileId={target.fileId}
                fileName={target.fileName}
                notice={notice}
                onOpenInNewTab={openInNewTab}
                onClose={() => requestClose()}
            />
            {rightsLost && (
                <RightsLostBanner reason={rights?.canEdit === false ? rights.reason : ''} onReopenView={() => dispatch(openEditor({...target, mode: 'view'}))}/>
            )}
            {access.expired && <AccessExpiredBanner error={access.error}/>}
            {lockWatch.banner && (
                <LockBanner
                    state={lockWatch.banner}
                    releasing={lockAction.releasing}
                    error={lockAction.error}
                    onRelease={releaseLock}
                    onReopen={reopenFrame}
                    onCheckAgain={lockWatch.checkAgain}
                />
            )}
            <div className='co-editor__body'>
                <CollaboraFrame
                    key={frameKey}
                    ref={frame}
                    fileId={target.fileId}
                    fileName={target.fileName}
                    mode={target.mode}
                    urlParams={{closebutton: '1', revisionhistory: '1'}}
                    reloadKey={reloadKey}
                    loadTimeoutMs={loadTimeoutMs}
                    onSession={setSession}
                    onMessage={onMessage}
                    onLoaded={onLoaded}
                />
                {revisionsOpen && (
                    <RevisionsPanel fileId={target.fileId} onClose={() => setRevisionsOpen(false)} onRestore={restore}/>
                )}
                <ThreadPanel fileId={target.fileId}/>
            </div>
            {guard && (
                <CloseGuardDialog
                    saving={savingToClose}
                    onKeepEditing={() => {
                        setGuard(false);
                        setSavingToClose(false);
                    }}
                    onCloseAnyway={closeNow}
                    onSaveAndClose={saveAndClose}
                />
            )}
            {saveAs && (
                <SaveAsDialog
                    defaultName={saveAsName(target.fileName, saveAs.format)}
                    onCancel={() => setSaveAs(null)}
                    onSave={(name) => {
                        setSaveAs(null);
                        frame.current?.post('Action_SaveAs', {Filename: name, Notify: true});
                    }}
                />
            )}
        </div>,
        document.body,
    );
}

export default function EditorModal() {
    const target = useHostSelector(getEditorTarget);
    const isOpen = Boolean(target);
    useEffect(() => {
        if (!isOpen) {
            releaseHistoryEntry();
        }
    }, [isOpen]);
    if (!target) {
        return null;
    }
    return <Editor key={`${target.fileId}:${target.mode}`} target={target}/>;
}
