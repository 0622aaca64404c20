// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The centre channel: header, posts (oldest first, replies included as Mattermost shows them with
// collapsed threads off), each post's attachments (file_attachment.tsx), the PostMessageAttachment
// pluggables (show_more.tsx), the composer with its attach menu (plugin upload methods), and the
// file preview modal (file_preview_modal.tsx). Compact display is the user's
// display_settings/message_display preference.

import {selectChannel} from 'mattermost-redux/actions/channels';
import {createPost, getPosts} from 'mattermost-redux/actions/posts';
import {getProfilesByIds} from 'mattermost-redux/actions/users';
import {Client4} from 'mattermost-redux/client';
import {get as getPreference} from 'mattermost-redux/selectors/entities/preferences';
import React, {useCallback, useEffect, useRef, useState} from 'react';
import {useDispatch, useSelector} from 'react-redux';

import {useRegistrations} from './app';
import FileAttachment from './file_attachment';
import {FilePreviewModal} from './file_preview_modal';
import {ShowMore} from './show_more';
import type {FileInfoLike} from './plugin_registry';

type AnyState = any;
type Post = {id: string; user_id: string; channel_id: string; root_id: string; message: string; create_at: number; file_ids?: string[]; metadata?: {files?: FileInfoLike[]}; type: string; state?: string; delete_at: number};

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

// post_view/post_message_view/post_message_view.tsx: deleted posts and users who turned message
// formatting off get the bare message, plugin post types their own component; only the others get
// the PostMessageAttachment pluggables, inside ShowMore.
function PostView({post, compactDisplay, onOpenFile}: {post: Post; compactDisplay: boolean; onOpenFile: (fileInfos: FileInfoLike[], index: number, post: Post) => void}) {
    const {postMessageAttachments} = useRegistrations();
    const author = useSelector((state: AnyState) => state.entities.users.profiles[post.user_id]);
    const enableFormatting = useSelector((state: AnyState) => getPreference(state, 'advanced_settings', 'formatting', 'true') !== 'false');
    const files = useSelector((state: AnyState) => {
        const ids: string[] | undefined = state.entities.files.fileIdsByPostId[post.id];
        return ids?.map((id) => state.entities.files.files[id]).filter(Boolean) ?? post.metadata?.files ?? [];
    }) as FileInfoLike[];
    const [checkOverflow, setCheckOverflow] = useState(0);
    const name = author?.username ?? post.user_id.slice(0, 6);
    const deleted = post.state === 'DELETED' || post.delete_at > 0;
    const withPluggables = !deleted && enableFormatting && !post.type.startsWith('custom_');
    return (
        <div className={post.root_id ? 'mm-post mm-post--reply' : 'mm-post'} data-testid={`host-post-${post.id}`} data-root-id={post.root_id}>
            <div className='mm-avatar' aria-hidden='true'>{name.slice(0, 1).toUpperCase()}</div>
            <div className='mm-post__body'>
                <div className='mm-post__header'>
                    <span className='mm-post__author'>{name}</span>
                    <span className='mm-post__time'>{new Date(post.create_at).toLocaleTimeString('en-GB')}</span>
                    {post.root_id && <span className='mm-post__reply-to'>{'replied in a thread'}</span>}
                </div>
                {withPluggables ? (
                    <ShowMore checkOverflow={checkOverflow}>
                        {post.message && <MessageText text={post.message}/>}
                        {postMessageAttachments.map(({id, component: Component}) => (
                            <Component key={id} postId={post.id} onHeightChange={() => setCheckOverflow((n) => n + 1)}/>
                        ))}
                    </ShowMore>
                ) : (
                    <p className='mm-post__message'>{deleted ? '(message deleted)' : post.message}</p>
                )}
                {!deleted && files.length > 0 && (
                    <div className='mm-files'>
                        {files.map((f, i) => <FileAttachment key={f.id} fileInfo={f} compactDisplay={compactDisplay} onOpen={() => onOpenFile(files, i, post)}/>)}
                    </div>
                )}
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
    const [preview, setPreview] = useState<{fileInfos: FileInfoLike[]; index: number; post: Post} | null>(null);
    const compactDisplay = useSelector((state: AnyState) => getPreference(state, 'display_settings', 'message_display', 'clean') === 'compact');
    const [loaded, setLoaded] = useState(false);
    const closePreview = useCallback(() => setPreview(null), []);

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
                {list.map((post) => <PostView key={post.id} post={post} compactDisplay={compactDisplay} onOpenFile={(fileInfos, index, p) => setPreview({fileInfos, index, post: p})}/>)}
            </div>
            <Composer channelId={channelId}/>
            {preview && <FilePreviewModal fileInfos={preview.fileInfos} startIndex={preview.index} post={preview.post} onClose={closePreview}/>}
        </main>
    );
}
