// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The plugin registry as Mattermost's web app implements it (webapp/channels/src/plugins/registry.ts,
// mattermost-plugin.md section 5): one registry per plugin, handed to initialize(registry, store);
// every register* returns an id; reducers land at state['plugins-<id>']. Only the methods a
// Mattermost 11 registry has are provided; calling anything else fails loudly, as it would there.
// Registrations are kept in a small store the host's React tree subscribes to.

import type {ComponentType, ReactNode} from 'react';
import reducerRegistry from 'mattermost-redux/store/reducer_registry';
import type {Reducer, Store} from 'redux';

export type FileInfoLike = {id: string; name: string; extension: string; size: number; user_id: string; channel_id?: string; post_id?: string; archived?: boolean};

type Base = {id: string; pluginId: string};
export type FilePreviewEntry = Base & {override: (fileInfo: FileInfoLike, post?: unknown) => boolean; component: ComponentType<any>};
export type FileMenuEntry = Base & {match: (fileInfo: FileInfoLike) => boolean; text: ReactNode; action: (fileInfo: FileInfoLike) => void};
export type UploadMethodEntry = Base & {icon: ReactNode; text: ReactNode; action: (upload: (files: FileList | File[]) => void) => void};
export type ComponentEntry = Base & {component: ComponentType<any>};
export type AdminSettingEntry = Base & {key: string; component: ComponentType<any>; options: {showTitle?: boolean}};

export type Registrations = {
    rootComponents: ComponentEntry[];
    filePreviewComponents: FilePreviewEntry[];
    fileDropdownMenuActions: FileMenuEntry[];
    fileUploadMethods: UploadMethodEntry[];
    postMessageAttachments: ComponentEntry[];
    adminConsoleSettings: AdminSettingEntry[];
    translations: Array<(locale: string) => Record<string, string>>;
};

export type WebSocketMessage = {event: string; data: Record<string, unknown>; broadcast?: Record<string, unknown>; seq?: number};

let registrations: Registrations = {
    rootComponents: [], filePreviewComponents: [], fileDropdownMenuActions: [], fileUploadMethods: [],
    postMessageAttachments: [], adminConsoleSettings: [], translations: [],
};
const listeners = new Set<() => void>();
export const webSocketHandlers = new Map<string, Map<string, (msg: WebSocketMessage) => void>>();
export const reconnectHandlers = new Map<string, () => void>();

export function subscribeRegistrations(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
}

export function getRegistrations(): Registrations {
    return registrations;
}

function update(change: (r: Registrations) => Partial<Registrations>): void {
    registrations = {...registrations, ...change(registrations)};
    listeners.forEach((l) => l());
}

let seq = 0;
const newId = (): string => `pluggable_${++seq}`;

// Positional arguments, or one object with named fields (Mattermost's reArg).
function args<T extends unknown[]>(raw: unknown[], names: string[]): T {
    const first = raw[0];
    if (raw.length === 1 && typeof first === 'object' && first !== null && !Array.isArray(first) && names.some((n) => n in (first as object))) {
        return names.map((n) => (first as Record<string, unknown>)[n]) as T;
    }
    return raw as T;
}

export function createRegistry(pluginId: string): Record<string, (...a: any[]) => unknown> {
    return {
        registerRootComponent: (...raw: unknown[]) => {
            const [component] = args<[ComponentType]>(raw, ['component']);
            const id = newId();
            update((r) => ({rootComponents: [...r.rootComponents, {id, pluginId, component}]}));
            return id;
        },
        registerFilePreviewComponent: (...raw: unknown[]) => {
            const [override, component] = args<[FilePreviewEntry['override'], ComponentType]>(raw, ['override', 'component']);
            const id = newId();
            update((r) => ({filePreviewComponents: [...r.filePreviewComponents, {id, pluginId, override, component}]}));
            return id;
        },
        registerFileDropdownMenuAction: (...raw: unknown[]) => {
            const [match, text, action] = args<[FileMenuEntry['match'], ReactNode, FileMenuEntry['action']]>(raw, ['match', 'text', 'action']);
            const id = newId();
            update((r) => ({fileDropdownMenuActions: [...r.fileDropdownMenuActions, {id, pluginId, match, text, action}]}));
            return id;
        },
        registerFileUploadMethod: (...raw: unknown[]) => {
            const [icon, action, text] = args<[ReactNode, UploadMethodEntry['action'], ReactNode]>(raw, ['icon', 'action', 'text']);
            const id = newId();
            update((r) => ({fileUploadMethods: [...r.fileUploadMethods, {id, pluginId, icon, action, text}]}));
            return id;
        },
        registerPostMessageAttachmentComponent: (...raw: unknown[]) => {
            const [component] = args<[ComponentType]>(raw, ['component']);
            const id = newId();
            update((r) => ({postMessageAttachments: [...r.postMessageAttachments, {id, pluginId, component}]}));
            return id;
        },
        registerAdminConsoleCustomSetting: (...raw: unknown[]) => {
            const [key, component, options] = args<[string, ComponentType, {showTitle?: boolean} | undefined]>(raw, ['key', 'component', 'options']);
            const id = newId();

            // Mattermost keys plugin settings in lower case.
            update((r) => ({adminConsoleSettings: [...r.adminConsoleSettings, {id, pluginId, key: key.toLowerCase(), component, options: options ?? {}}]}));
            return id;
        },
        registerTranslations: (getTranslationsForLocale: (locale: string) => Record<string, string>) => {
            update((r) => ({translations: [...r.translations, getTranslationsForLocale]}));
        },
        registerWebSocketEventHandler: (event: string, handler: (msg: WebSocketMessage) => void) => {
            const forEvent = webSocketHandlers.get(event) ?? new Map();
            forEvent.set(pluginId, handler);
            webSocketHandlers.set(event, forEvent);
        },
        unregisterWebSocketEventHandler: (event: string) => {
            webSocketHandlers.get(event)?.delete(pluginId);
        },
        registerReconnectHandler: (handler: () => void) => {
            reconnectHandlers.set(pluginId, handler);
        },
        unregisterReconnectHandler: () => {
            reconnectHandlers.delete(pluginId);
        },
        registerReducer: (reducer: Reducer) => {
            reducerRegistry.register(`plugins-${pluginId}`, reducer);
        },
        unregisterComponent: (componentId: string) => {
            update((r) => {
                const keep = <T extends Base>(list: T[]) => list.filter((e) => e.id !== componentId);
                return {
                    rootComponents: keep(r.rootComponents), filePreviewComponents: keep(r.filePreviewComponents),
                    fileDropdownMenuActions: keep(r.fileDropdownMenuActions), fileUploadMethods: keep(r.fileUploadMethods),
                    postMessageAttachments: keep(r.postMessageAttachments), adminConsoleSettings: keep(r.adminConsoleSettings),
                };
            });
        },
    };
}

type PluginInstance = {initialize: (registry: unknown, store: Store) => unknown; uninitialize?: () => void};
type WebappManifest = {id: string; version: string; webapp?: {bundle_path?: string}};

// What the web app does at start, logged in or not (root.tsx onConfigLoaded -> plugins/index.ts
// initializePlugins -> loadPlugins): GET /api/v4/plugins/webapp,
// then one <script id="plugin_<id>"> per bundle from the URL the server gives; the bundle calls
// window.registerPlugin, and the app calls initialize with a fresh registry and its store.
export async function loadPlugins(manifests: WebappManifest[], siteUrl: string, store: Store): Promise<string[]> {
    const pending = new Map<string, {resolve: () => void; reject: (e: Error) => void}>();
    (window as unknown as {registerPlugin: (id: string, plugin: PluginInstance) => void}).registerPlugin = (id, plugin) => {
        Promise.resolve(plugin.initialize(createRegistry(id), store)).then(
            () => pending.get(id)?.resolve(),
            (err: unknown) => pending.get(id)?.reject(err instanceof Error ? err : new Error(String(err))),
        );
    };
    const loaded: string[] = [];
    await Promise.all(manifests.filter((m) => m.webapp?.bundle_path).map((m) => new Promise<void>((resolve, reject) => {
        pending.set(m.id, {resolve: () => {
            loaded.push(m.id);
            resolve();
        }, reject});
        // The server answers "/static/<id>/<id>_<hash>_bundle.js" and serves it under
        // /static/plugins/; the web app rewrites the path the same way (plugins/index.ts).
        let bundlePath = m.webapp?.bundle_path ?? '';
        if (bundlePath.includes('/static/') && !bundlePath.includes('/static/plugins/')) {
            bundlePath = bundlePath.replace('/static/', '/static/plugins/');
        }
        const script = document.createElement('script');
        script.id = `plugin_${m.id}`;
        script.src = siteUrl.replace(/\/+$/, '') + bundlePath;
        script.onerror = () => reject(new Error(`could not load the bundle of ${m.id} from ${script.src}`));
        document.body.appendChild(script);
    })));
    return loaded;
}
