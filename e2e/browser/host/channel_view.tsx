// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The centre channel: header, posts (oldest first, replies included as Mattermost shows them with
// collapsed threads off), each post's attachments with their "…" menu (plugin file menu actions),
// the PostMessageAttachment pluggables under each message, the composer with its attach menu
// (plugin upload methods), and the file preview modal with the plugin previewers.

import {selectChannel} from 'mattermost-redux/actions/channels';
import {createPost, getPosts} from 'mattermost-redux/actions/posts';
import {getProfilesByIds} from 'mattermost-redux/actions/users';
import {Client4} from 'mattermost-redux/client';
import React, {useEffect, useRef, useState} from 'react';
import {useDispatch, useSelector} from 'react-redux';

import {useRegistrations} from './app';
import type {FileInfoLike} from './plugin_registry';

type AnyState = any;
type Post = {id: string; user_id: string; channel_id: string; root_id: string; message: string; create_at: number; file_ids?: string[]; metadata?: {files?: FileInfoLike[]}; type: string};

function formatSize(bytes: number): string {
    if (bytes < 1024) {
        return `${bytes} B`;
    }
    return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function FileAttachment({fileInfo, onOpen}: {fileInfo: FileInfoLike; onOpen: () => void}) {
    const {fileDropdownMenuActions} = useRegistrations();
    const [menuOpen, setMenuOpen] = useState(false);
    const ref = useRef<HTMLDivElement>(null);
    useEffect(() => {
        if (!menuOpen) {
            return undefined;
        }
        const close = (event: MouseEvent) => {
            if (!ref.current?.contains(event.target as Node)) {
                setMenuOpen(false);
            }
        };
        document.addEventListener('mousedown', close);
        return () => document.removeEventListener('mousedown', close);
    }, [menuOpen]);

    // Mattermost evaluates the plugins' match() when it renders the menu.
    const pluginItems = menuOpen ? fileDropdownMenuActions.filter((item) => item.match(fileInfo)) : [];
    return (
        <div className='mm-file' ref={ref} data-testid={`host-file-${fileInfo.name}`} data-file-id={fileInfo.id}>
            <span className='mm-file__icon' aria-hidden='true'>{fileInfo.extension}</span>
            <button type='button' className='mm-file__main' onClick={onOpen} data-testid='host-file-open'>
                <span className='mm-file__name'>{fileInfo.name}</span>
                <span className='mm-file__size'>{`${fileInfo.extension.toUpperCase()} ${formatSize(fileInfo.size)}`}</span>
            </button>
            <button type='button' className='mm-dots' aria-label='More actions' onClick={() => setMenuOpen(!menuOpen)} data-testid='host-file-menu'>{'⋯'}</button>
            {menuOpen && (
                <div className='mm-menu mm-menu--files' role='menu' data-testid='host-file-menu-items'>
                    <button type='button' role='menuitem' onClick={() => {
                        setMenuOpen(false);
                        window.open(Client4.getFileUrl(fileInfo.id, Date.now()), '_blank');
                    }}>{'Download'}</button>
                    {pluginItems.map((item) => (
                        <button key={item.id} type='button' role='menuitem' data-testid={`host-file-menu-item-${item.id}`} onClick={() => {
                            setMenuOpen(false);
                            item.action(fileInfo);
                        }}>{item.text}</button>
                    ))}
                </div>
            )}
        </div>
    );
}

// Mattermost renders messages as Markdown; the host renders the two forms plugins' posts use here,
// **bold** and [links](url), and leaves everything else as text.
function MessageText({text}: {text: string}) {
    const parts: React.ReactNode[] = [];
    const pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:[^)\s]+)\)/g;
    let last = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
        parts.push(text.slice(last, m.index));
        parts.push(m[1] === undefined ? <a key={m.index} href={m[3]} style={{color: 'var(--link-color)'}}>{m[2]}</a> : <strong key={m.index}>{m[1]}</strong>);
        last = m.index + m[0].length;
    }
    parts.push(text.slice(last));
    return <p className='mm-post__message'>{parts}</p>;
}

function PostView({post, onOpenFile}: {post: Post; onOpenFile: (fileInfo: FileInfoLike, post: Post) => void}) {
    const {postMessageAttachments} = useRegistrations();
    const author = useSelector((state: AnyState) => state.entities.users.profiles[post.user_id]);
    const files = useSelector((state: AnyState) => {
        const ids: string[] | undefined = state.entities.files.fileIdsByPostId[post.id];
        return ids?.map((id) => state.entities.files.files[id]).filter(Boolean) ?? post.metadata?.files ?? [];
    }) as FileInfoLike[];
    const name = author?.username ?? post.user_id.slice(0, 6);
    return (
        <div className={post.root_id ? 'mm-post mm-post--reply' : 'mm-post'} data-testid={`host-post-${post.id}`} data-root-id={post.root_id}>
            <div className='mm-avatar' aria-hidden='true'>{name.slice(0, 1).toUpperCase()}</div>
            <div className='mm-post__body'>
                <div className='mm-post__header'>
                    <span className='mm-post__author'>{name}</span>
                    <span className='mm-post__time'>{new Date(post.create_at).toLocaleTimeString('en-GB')}</span>
                    {post.root_id && <span className='mm-post__reply-to'>{'replied in a thread'}</span>}
                </div>
                {post.message && <MessageText text={post.message}/>}
                {files.length > 0 && (
                    <div className='mm-files'>
                        {files.map((f) => <FileAttachment key={f.id} fileInfo={f} onOpen={() => onOpenFile(f, post)}/>)}
                    </div>
                )}
                {postMessageAttachments.map(({id, component: Component}) => <Component key={id} postId={post.id} onHeightChange={() => undefined}/>)}
            </div>
        </div>
    );
}

// FilePreviewModal (components/file_preview_modal): Mattermost's header stays; the body is the
// first plugin previewer (by plugin id) whose override accepts the file, else Mattermost's own.
function FilePreviewModal({fileInfo, post, onClose}: {fileInfo: FileInfoLike; post: Post; onClose: () => void}) {
    const {filePreviewComponents} = useRegistrations();
    const previewer = [...filePreviewComponents].sort((a, b) => a.pluginId.localeCompare(b.pluginId)).find((p) => p.override(fileInfo, post));
    return (
        <div className='mm-modal-backdrop' data-testid='host-preview-modal'>
            <div className='mm-preview' role='dialog' aria-label={fileInfo.name}>
                <div className='mm-preview__header'>
                    <span className='mm-preview__title' data-testid='host-preview-title'>{fileInfo.name}</span>
                    <a className='mm-btn mm-btn--tertiary' style={{display: 'inline-flex', alignItems: 'center', textDecoration: 'none'}} href={Client4.getFileUrl(fileInfo.id, Date.now())} download={true}>{'Download'}</a>
                    <button type='button' className='mm-icon-btn' aria-label='Close' onClick={onClose} data-testid='host-preview-close'>{'✕'}</button>
                </div>
                <div className='mm-preview__body'>
                    {previewer ? (
                        <previewer.component fileInfo={fileInfo} post={post} onModalDismissed={onClose}/>
                    ) : (
                        <div className='mm-preview__default' data-testid='host-default-preview'>
                            <span className='mm-file__icon' style={{width: 56, height: 68, fontSize: 14}}>{fileInfo.extension}</span>
                            <strong>{fileInfo.name}</strong>
                            <span>{'Preview not available'}</span>
                        </div>
                    )}
                </div>
            </div>
        </div>
    );
}

function Composer({channelId}: {channelId: string}) {
    const {fileUploadMethods} = useRegistrations();
    const dispatch = useDispatch() as (action: unknown) => Promise<unknown>;
    const currentUserId = useSelector((state: AnyState) => state.entities.users.currentUserId);
    const [message, setMessage] = useState('');
    const [draftFiles, setDraftFiles] = useState<FileInfoLike[]>([]);
    const [menuOpen, setMenuOpen] = useState(false);
    const fileInput = useRef<HTMLInputElement>(null);

    // checkPluginHooksAndUploadFiles: uploads into the draft, as the attach button does.
    const uploadFiles = async (files: FileList | File[]) => {
        const form = new FormData();
        form.append('channel_id', channelId);
        for (const file of Array.from(files)) {
            form.append('files', file, file.name);
        }
        const res = await Client4.uploadFile(form) as unknown as {file_infos: FileInfoLike[]};
        setDraftFiles((current) => [...current, ...res.file_infos]);
    };
    const send = async (event: React.FormEvent) => {
        event.preventDefault();
        if (!message.trim() && draftFiles.length === 0) {
            return;
        }
        await dispatch(createPost({channel_id: channelId, message, user_id: currentUserId, file_ids: draftFiles.map((f) => f.id)} as never, draftFiles as never));
        setMessage('');
        setDraftFiles([]);
    };
    return (
        <form className='mm-composer' id='post-create' onSubmit={send}>
            <button type='button' className='mm-icon-btn' aria-label='Attach' onClick={() => setMenuOpen(!menuOpen)} data-testid='host-attach-button'>{'+'}</button>
            {menuOpen && (
                <div className='mm-menu mm-menu--attach' role='menu' data-testid='host-attach-menu'>
                    <button type='button' role='menuitem' onClick={() => {
                        setMenuOpen(false);
                        fileInput.current?.click();
                    }}>{'📎 Your computer'}</button>
                    {fileUploadMethods.map((m) => (
                        <button key={m.id} type='button' role='menuitem' data-testid={`host-upload-method-${m.id}`} onClick={() => {
                            setMenuOpen(false);
                            m.action(uploadFiles);
                        }}>{m.icon}{m.text}</button>
                    ))}
                </div>
            )}
            <input ref={fileInput} type='file' multiple={true} hidden={true} onChange={(e) => e.target.files && uploadFiles(e.target.files)}/>
            {draftFiles.map((f) => <span key={f.id} className='mm-post__time'>{f.name}</span>)}
            <input value={message} placeholder='Write to the channel' onChange={(e) => setMessage(e.target.value)} data-testid='host-message'/>
            <button type='submit' className='mm-icon-btn' aria-label='Send'>{'➤'}</button>
        </form>
    );
}

export function ChannelView({channelId, reconnects}: {channelId: string; reconnects: number}) {
    const dispatch = useDispatch() as (action: unknown) => Promise<{data?: any}>;
    const channel = useSelector((state: AnyState) => state.entities.channels.channels[channelId]);
    const postIds: string[] = useSelector((state: AnyState) => state.entities.posts.postsInChannel[channelId]?.[0]?.order ?? []);
    const posts = useSelector((state: AnyState) => state.entities.posts.posts);
    const profiles = useSelector((state: AnyState) => state.entities.users.profiles);
    const [preview, setPreview] = useState<{fileInfo: FileInfoLike; post: Post} | null>(null);
    const [loaded, setLoaded] = useState(false);

    useEffect(() => {
        dispatch(selectChannel(channelId));
        dispatch(getPosts(channelId)).then(() => setLoaded(true));
    }, [dispatch, channelId, reconnects]);

    // Posts that arrived over the websocket are in the store but not in postsInChannel's first block
    // when it was loaded earlier: show every post of this channel, oldest first.
    const list = (Object.values(posts) as Post[]).filter((p) => p.channel_id === channelId && !p.type.startsWith('system_')).
        sort((a, b) => a.create_at - b.create_at);
    const missing = Array.from(new Set(list.map((p) => p.user_id))).filter((id) => !profiles[id]);
    useEffect(() => {
        if (missing.length > 0) {
            dispatch(getProfilesByIds(missing));
        }
    }, [dispatch, missing.join(',')]);

    return (
        <main className='mm-center' id='channel_view' data-testid='host-channel-view' data-channel={channel?.name} data-loaded={loaded && postIds !== undefined ? 'true' : 'false'}>
            <div className='mm-channel-header'>{channel ? `${channel.type === 'P' ? '🔒' : '#'} ${channel.display_name}` : ''}</div>
            <div className='mm-posts'>
                {list.map((post) => <PostView key={post.id} post={post} onOpenFile={(fileInfo, p) => setPreview({fileInfo, post: p})}/>)}
            </div>
            <Composer channelId={channelId}/>
            {preview && <FilePreviewModal fileInfo={preview.fileInfo} post={preview.post} onClose={() => setPreview(null)}/>}
        </main>
    );
}
