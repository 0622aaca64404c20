// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The subset of Mattermost's webapp plugin registry this plugin uses, typed after
// webapp/channels/src/plugins/registry.ts (Mattermost 10/11). Every method also accepts a single
// object with named fields there; we only use the positional form.
import type {FileInfo} from '@mattermost/types/files';
import type {Post} from '@mattermost/types/posts';
import type {ComponentType, ReactNode} from 'react';
import type {Reducer} from 'redux';

export type WebSocketMessage<T = Record<string, unknown>> = {
    event: string;
    data: T;
    broadcast?: {channel_id?: string; user_id?: string; team_id?: string};
    seq?: number;
};

export type FilePreviewComponentProps = {
    fileInfo: FileInfo;
    post?: Post;
    onModalDismissed: () => void;
};

export type PostMessageAttachmentProps = {
    postId: string;
    onHeightChange?: (height: number) => void;
};

export type AdminConsoleSettingProps = {
    id: string;
    label?: ReactNode;
    helpText?: ReactNode;
    value?: unknown;
    disabled?: boolean;
    setByEnv?: boolean;
    onChange?: (id: string, value: unknown) => void;
    setSaveNeeded?: () => void;
};

// Called by Mattermost with the function that uploads files through its own pipeline.
export type FileUploadMethodAction = (uploadFiles: (files: FileList | File[]) => void) => void;

export interface PluginRegistry {
    registerRootComponent(component: ComponentType): string;
    registerFilePreviewComponent(
        override: (fileInfo: FileInfo, post?: Post) => boolean,
        component: ComponentType<FilePreviewComponentProps>,
    ): string;
    registerFileDropdownMenuAction?(
        match: (fileInfo: FileInfo) => boolean,
        text: ReactNode,
        action: (fileInfo: FileInfo) => void,
    ): string;
    registerFileUploadMethod(icon: ReactNode, action: FileUploadMethodAction, text: ReactNode): string;
    registerPostMessageAttachmentComponent(component: ComponentType<PostMessageAttachmentProps>): string;
    registerAdminConsoleCustomSetting(
        key: string,
        component: ComponentType<AdminConsoleSettingProps>,
        options?: {showTitle: boolean},
    ): void;
    registerTranslations(getTranslationsForLocale: (locale: string) => Record<string, string>): void;
    registerWebSocketEventHandler(event: string, handler: (msg: WebSocketMessage) => void): void;
    unregisterWebSocketEventHandler(event: string): void;
    registerReconnectHandler(handler: () => void): void;
    registerReducer(reducer: Reducer): void;
    unregisterComponent(componentId: string): void;
}

export interface PluginClass {
    initialize(registry: PluginRegistry, store: import('redux').Store): void | Promise<void>;
    uninitialize?(): void;
}

declare global {
    interface Window {
        registerPlugin(pluginId: string, plugin: PluginClass): void;
    }
}
