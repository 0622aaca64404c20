// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Opens a Collabora session for a file and shows it: asks the server for a token, then POSTs it in a
// hidden form into a uniquely named iframe (the token never appears in a URL, so it stays out of
// history, logs and Referer headers). Until Collabora reports Document_Loaded it shows progress, and
// clear errors instead of a blank frame when Collabora is unreachable or refuses the token.
import React, {forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState} from 'react';
import {FormattedMessage, useIntl} from 'react-intl';

import {client, ClientError} from '../../client';
import type {EditorSession, OpenMode} from '../../client';
import {isDarkTheme, isFromFrame, originOf, parseMessage, sendMessage, uniqueFrameName, withParams} from '../../post_message';
import type {CollaboraMessage} from '../../post_message';

export type FrameErrorKind = 'unreachable' | 'failed' | 'token' | 'rights' | 'not_found' | 'session' | 'conflict' | 'unavailable' | 'session_closed';

export type FrameHandle = {
    post: (messageId: string, values?: Record<string, unknown>) => void;
    reload: () => void;
};

export type Props = {
    fileId: string;
    fileName: string;
    mode: OpenMode;
    urlParams?: Record<string, string>;
    reloadKey?: number;
    loadTimeoutMs?: number;
    onSession?: (session: EditorSession) => void;
    onMessage?: (message: CollaboraMessage) => void;
    onLoaded?: () => void;
};

type Status =
    | {phase: 'opening'}
    | {phase: 'loading'; session: EditorSession}
    | {phase: 'loaded'; session: EditorSession}
    | {phase: 'error'; kind: FrameErrorKind; detail: string};

export const DEFAULT_LOAD_TIMEOUT_MS = 45000;

function kindForStatus(status: number): FrameErrorKind {
    switch (status) {
    case 401: return 'session';
    case 403: return 'rights';
    case 404: return 'not_found';
    case 409: return 'conflict';
    default: return 'unavailable';
    }
}

const CollaboraFrame = forwardRef<FrameHandle, Props>(function CollaboraFrame(props, ref) {
    const {fileId, fileName, mode, urlParams, reloadKey = 0, loadTimeoutMs = DEFAULT_LOAD_TIMEOUT_MS, onSession, onMessage, onLoaded} = props;
    const intl = useIntl();
    const [status, setStatus] = useState<Status>({phase: 'opening'});
    const [attempt, setAttempt] = useState(0);
    const [frameName] = useState(uniqueFrameName);
    const formRef = useRef<HTMLFormElement>(null);
    const iframeRef = useRef<HTMLIFrameElement>(null);
    const seenMessage = useRef(false);
    const callbacks = useRef({onSession, onMessage, onLoaded});
    callbacks.current = {onSession, onMessage, onLoaded};

    const session = status.phase === 'loading' || status.phase === 'loaded' ? status.session : null;
    const origin = session ? originOf(session.actionUrl) : '';

    const post = useCallback((messageId: string, values: Record<string, unknown> = {}) => {
        sendMessage(iframeRef.current?.contentWindow, origin, messageId, values);
    }, [origin]);
    const reload = useCallback(() => setAttempt((n) => n + 1), []);
    useImperativeHandle(ref, () => ({post, reload}), [post, reload]);

    // 1. Ask the server for a session (a fresh token each time).
    useEffect(() => {
        let cancelled = false;
        setStatus({phase: 'opening'});
        seenMessage.current = false;
        client.openFile(fileId, mode).then((opened) => {
            if (!cancelled) {
                setStatus({phase: 'loading', session: opened});
                callbacks.current.onSession?.(opened);
            }
        }, (err: unknown) => {
            if (!cancelled) {
                const status = err instanceof ClientError ? err.status : 0;
                setStatus({phase: 'error', kind: kindForStatus(status), detail: err instanceof Error ? err.message : ''});
            }
        });
        return () => {
            cancelled = true;
        };
    }, [fileId, mode, reloadKey, attempt]);

    // 2. POST the token into the frame, and give Collabora a bounded time to load.
    useEffect(() => {
        if (status.phase !== 'loading') {
            return undefined;
        }
        formRef.current?.submit();
        const timer = window.setTimeout(() => {
            setStatus((current) => (current.phase === 'loading' ? {phase: 'error', kind: seenMessage.current ? 'failed' : 'unreachable', detail: ''} : current));
        }, loadTimeoutMs);
        return () => window.clearTimeout(timer);

    // Only a new session restarts the load (the loaded phase keeps the same session object).
    }, [session, loadTimeoutMs]);

    // 3. Listen to our frame only.
    useEffect(() => {
        if (!session) {
            return undefined;
        }
        const handle = (event: MessageEvent) => {
            if (!isFromFrame(event, origin, iframeRef.current?.contentWindow)) {
                return;
            }
            const message = parseMessage(event.data);
            if (!message) {
                return;
            }
            seenMessage.current = true;
            const {MessageId: id, Values: values} = message;
            if (id === 'App_LoadingStatus' && values.Status === 'Document_Loaded') {
                sendMessage(iframeRef.current?.contentWindow, origin, 'Host_PostmessageReady');
                setStatus((current) => (current.phase === 'loading' ? {phase: 'loaded', session: current.session} : current));
                callbacks.current.onLoaded?.();
            } else if (id === 'App_LoadingStatus' && values.Status === 'Failed') {
                setStatus({phase: 'error', kind: 'failed', detail: ''});
            } else if (id === 'Action_Load_Resp' && values.success === false) {
                const kind = values.errorType === 'websocketunauthorized' ? 'token' : 'failed';
                setStatus({phase: 'error', kind, detail: typeof values.errorMsg === 'string' ? values.errorMsg : ''});
            } else if (id === 'Session_Closed') {
                setStatus({phase: 'error', kind: 'session_closed', detail: typeof values.Reason === 'string' ? values.Reason : ''});
            }
            callbacks.current.onMessage?.(message);
        };
        window.addEventListener('message', handle);
        return () => window.removeEventListener('message', handle);
    }, [session, origin]);

    const params = {...urlParams, lang: intl.locale};
    return (
        <div className='co-frame'>
            {session && (
                <>
                    <form
                        ref={formRef}
                        action={withParams(session.actionUrl, params)}
                        method='post'
                        target={frameName}
                        style={{display: 'none'}}
                        data-testid='collabora-form'
                    >
                        <input type='hidden' name='access_token' value={session.accessToken}/>
                        <input type='hidden' name='access_token_ttl' value={String(session.accessTokenTtl)}/>
                        <input type='hidden' name='ui_theme' value={isDarkTheme() ? 'dark' : 'light'}/>
                    </form>
                    <iframe
                        ref={iframeRef}
                        name={frameName}
                        title={intl.formatMessage({id: 'collabora.frame.title', defaultMessage: 'Collabora Online: {fileName}'}, {fileName})}
                        className={status.phase === 'loaded' ? 'co-frame__iframe' : 'co-frame__iframe co-frame__iframe--hidden'}
                        allow='clipboard-read; clipboard-write; fullscreen'
                        allowFullScreen={true}
                        data-testid='collabora-iframe'
                    />
                </>
            )}
            {(status.phase === 'opening' || status.phase === 'loading') && (
                <div className='co-frame__overlay' role='status'>
                    <span className='co-spinner' aria-hidden='true'/>
                    <FormattedMessage id='collabora.frame.opening' defaultMessage='Opening {fileName}…' values={{fileName}}/>
                </div>
            )}
            {status.phase === 'error' && (
                <FrameError kind={status.kind} detail={status.detail} onRetry={reload}/>
            )}
        </div>
    );
});

const ERROR_MESSAGES: Record<FrameErrorKind, {id: string; defaultMessage: string}> = {
    unreachable: {id: 'collabora.frame.error.unreachable', defaultMessage: 'Collabora Online did not respond. Check that it is running and that your browser can reach it, or ask your system admin.'},
    failed: {id: 'collabora.frame.error.failed', defaultMessage: 'Collabora Online could not load this document.'},
    token: {id: 'collabora.frame.error.token', defaultMessage: 'Collabora Online refused the access token. Try again; if this keeps happening, ask your system admin to run the connection check.'},
    rights: {id: 'collabora.frame.error.rights', defaultMessage: 'You are not allowed to open this document.'},
    not_found: {id: 'collabora.frame.error.not_found', defaultMessage: 'This file no longer exists.'},
    session: {id: 'collabora.frame.error.session', defaultMessage: 'Your Mattermost session has expired. Reload the page and sign in again.'},
    conflict: {id: 'collabora.frame.error.conflict', defaultMessage: 'The document is busy. Try again in a moment.'},
    unavailable: {id: 'collabora.frame.error.unavailable', defaultMessage: 'Collabora Online is not available right now.'},
    session_closed: {id: 'collabora.frame.error.session_closed', defaultMessage: 'The editing session has ended.'},
};

function FrameError({kind, detail, onRetry}: {kind: FrameErrorKind; detail: string; onRetry: () => void}) {
    const intl = useIntl();
    return (
        <div className='co-frame__overlay co-frame__overlay--error' role='alert' data-testid={`collabora-error-${kind}`}>
            <p className='co-frame__error'>{intl.formatMessage(ERROR_MESSAGES[kind])}</p>
            {detail && <p className='co-muted'>{detail}</p>}
            <button type='button' className='co-btn co-btn--primary' onClick={onRetry}>
                <FormattedMessage id='collabora.frame.retry' defaultMessage='Try again'/>
            </button>
        </div>
    );
}

export default CollaboraFrame;
