// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// The only module that talks to the plugin's REST API (server-ts/src/api). Same-origin fetch carries the
// Mattermost session cookie; non-GET requests also carry the CSRF token Mattermost keeps in the MMCSRF
// cookie, without which a cookie-authenticated request counts as anonymous.

export type FormatSupport = {view: boolean; edit: boolean};
export type NewDocumentFormat = 'ooxml' | 'odf';
export type EditPolicy = 'channel' | 'owner_and_admins' | 'owner' | 'view_only';
export type OpenMode = 'view' | 'edit';
export type DocumentKind = 'document' | 'spreadsheet' | 'presentation';

export type ClientConfig = {
    collaboraUrl: string;
    configured: boolean;
    formats: Record<string, FormatSupport>;
    previewExtensions: string[];
    newDocumentFormat: NewDocumentFormat;
    editSummaries: boolean;
    error?: string;
};

export type FileRights = {
    canView: boolean;
    canEdit: boolean;
    reason: string;
    policy: EditPolicy;
    canChangePolicy: boolean;
};

export type EditorSession = {
    actionUrl: string;
    accessToken: string;
    accessTokenTtl: number;
    mode: OpenMode;
    docId: string;
    fileName: string;
    postMessageOrigin: string;
};

// GET/DELETE /files/{fileId}/lock (server-ts/src/api): who holds the WOPI lock. `contested`: a Collabora
// session with another lock id was refused the lock while this one holds it, so the holder is
// probably a crashed or earlier Collabora session.
export type LockState = {
    locked: boolean;
    holderId?: string;
    holderName?: string;
    since?: number;
    contested: boolean;
    canRelease: boolean;
};

export type NewDocumentRequest = {channelId: string; rootId?: string; name: string; kind: DocumentKind};
export type NewDocumentResult = {postId: string; fileId: string; fileName: string};

export type Revision = {
    fileId: string;
    size: number;
    createdAt: number;
    userId: string;
    userDisplayName: string;
    current: boolean;
};

export type Editor = {userId: string; username: string; displayName: string};

// A person who may be @mentioned in a document (server-ts/src/mentions).
export type MentionablePerson = {userId: string; username: string; displayName: string; avatarUrl: string};
export type MentionResult = {notified: boolean; result: 'notified' | 'already_notified' | 'self'; user: MentionablePerson};
export type DocumentThread = {rootId: string; postId: string; channelId: string};

export type CheckResult = {id: string; ok: boolean; title: string; detail: string; fix?: string};

// A "Send as PDF to the thread" export (server-ts/src/api/pdf_export.ts).
export type PdfExportState = 'queued' | 'converting' | 'posting' | 'done' | 'failed' | 'cancelled';
export type PdfExport = {
    jobId: string;
    fileId: string;
    state: PdfExportState;
    pdfName: string;
    sentBytes: number;
    totalBytes: number;
    receivedBytes: number;
    code?: string;
    reason?: string;
    postId?: string;
};

export const EDIT_POLICIES: readonly EditPolicy[] = ['channel', 'owner_and_admins', 'owner', 'view_only'];

// An error answered by the API ({error, code} with an HTTP status) or a network failure (status 0).
export class ClientError extends Error {
    readonly status: number;
    readonly code: string;

    constructor(message: string, status: number, code: string) {
        super(message);
        this.name = 'ClientError';
        this.status = status;
        this.code = code;
    }
}

export function readCookie(name: string, cookies: string = document.cookie): string {
    for (const part of cookies.split(';')) {
        const [key, ...rest] = part.trim().split('=');
        if (key === name) {
            return decodeURIComponent(rest.join('='));
        }
    }
    return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class Client {
    private baseUrl = '';

    // `root` is the Site URL's path ('' or '/chat'); the API lives under <root>/plugins/<id>.
    setBaseUrl(root: string, pluginId: string): void {
        this.baseUrl = `${root.replace(/\/+$/, '')}/plugins/${pluginId}`;
    }

    getBaseUrl(): string {
        return this.baseUrl;
    }

    getClientConfig(): Promise<ClientConfig> {
        return this.request<ClientConfig>('GET', '/api/v1/client_config');
    }

    getRights(fileId: string): Promise<FileRights> {
        return this.request<FileRights>('GET', `/api/v1/files/${enc(fileId)}/rights`);
    }

    setPolicy(fileId: string, policy: EditPolicy): Promise<FileRights> {
        return this.request<FileRights>('PUT', `/api/v1/files/${enc(fileId)}/policy`, {policy});
    }

    async openFile(fileId: string, mode: OpenMode): Promise<EditorSession> {
        const session = await this.request<EditorSession>('POST', `/api/v1/files/${enc(fileId)}/open`, {mode});

        // A session without these would leave a blank frame; fail loudly instead.
        if (typeof session.actionUrl !== 'string' || !(/^https?:\/\//i).test(session.actionUrl) || typeof session.accessToken !== 'string' || !session.accessToken) {
            throw new ClientError('', 200, 'BAD_RESPONSE');
        }
        return session;
    }

    getLock(fileId: string): Promise<LockState> {
        return this.request<LockState>('GET', `/api/v1/files/${enc(fileId)}/lock`);
    }

    releaseLock(fileId: string): Promise<LockState> {
        return this.request<LockState>('DELETE', `/api/v1/files/${enc(fileId)}/lock`);
    }

    createDocument(body: NewDocumentRequest): Promise<NewDocumentResult> {
        return this.request<NewDocumentResult>('POST', '/api/v1/documents', body);
    }

    async getRevisions(fileId: string): Promise<Revision[]> {
        const res = await this.request<{revisions?: Revision[]}>('GET', `/api/v1/files/${enc(fileId)}/revisions`);
        return Array.isArray(res.revisions) ? res.revisions : [];
    }

    restoreRevision(fileId: string, revisionFileId: string): Promise<{fileId: string}> {
        return this.request<{fileId: string}>('POST', `/api/v1/files/${enc(fileId)}/revisions/${enc(revisionFileId)}/restore`, {});
    }

    async getEditors(fileId: string): Promise<Editor[]> {
        const res = await this.request<{editors?: Editor[]}>('GET', `/api/v1/files/${enc(fileId)}/editors`);
        return Array.isArray(res.editors) ? res.editors : [];
    }

    // Says the user has the document open: 'join' once, 'heartbeat' while open, 'leave' at the end.
    async setPresence(fileId: string, action: 'join' | 'heartbeat' | 'leave'): Promise<Editor[]> {
        const res = await this.request<{editors?: Editor[]}>('POST', `/api/v1/files/${enc(fileId)}/editors`, {action});
        return Array.isArray(res.editors) ? res.editors : [];
    }

    async getMentionable(fileId: string, term: string): Promise<MentionablePerson[]> {
        const res = await this.request<{users?: MentionablePerson[]}>('GET', `/api/v1/files/${enc(fileId)}/mentionable?term=${encodeURIComponent(term)}`);
        return Array.isArray(res.users) ? res.users : [];
    }

    notifyMention(fileId: string, username: string): Promise<MentionResult> {
        return this.request<MentionResult>('POST', `/api/v1/files/${enc(fileId)}/mentions`, {username});
    }

    getDocumentThread(fileId: string): Promise<DocumentThread> {
        return this.request<DocumentThread>('GET', `/api/v1/files/${enc(fileId)}/thread`);
    }

    async runAdminCheck(): Promise<CheckResult[]> {
        const res = await this.request<{results?: CheckResult[]}>('POST', '/api/v1/admin/check', {});
        return Array.isArray(res.results) ? res.results : [];
    }

    createLink(fileId: string): Promise<{url: string}> {
        return this.request<{url: string}>('POST', `/api/v1/files/${enc(fileId)}/link`, {});
    }

    startPdfExport(fileId: string): Promise<PdfExport> {
        return this.request<PdfExport>('POST', `/api/v1/files/${enc(fileId)}/export-pdf`, {});
    }

    getPdfExport(jobId: string): Promise<PdfExport> {
        return this.request<PdfExport>('GET', `/api/v1/pdf-exports/${enc(jobId)}`);
    }

    cancelPdfExport(jobId: string): Promise<PdfExport> {
        return this.request<PdfExport>('DELETE', `/api/v1/pdf-exports/${enc(jobId)}`);
    }

    private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
        const headers: Record<string, string> = {'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json'};
        if (method !== 'GET') {
            headers['X-CSRF-Token'] = readCookie('MMCSRF');
        }
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        let response: Response;
        try {
            response = await fetch(this.baseUrl + path, {
                method,
                headers,
                credentials: 'include',
                body: body === undefined ? undefined : JSON.stringify(body),
            });
        } catch (err) {
            throw new ClientError(err instanceof Error ? err.message : String(err), 0, 'NETWORK');
        }
        let data: unknown = null;
        const text = await response.text();
        if (text) {
            try {
                data = JSON.parse(text);
            } catch {
                data = null;
            }
        }
        if (!response.ok) {
            const message = isRecord(data) && typeof data.error === 'string' ? data.error : '';
            const code = isRecord(data) && typeof data.code === 'string' ? data.code : `HTTP_${response.status}`;
            throw new ClientError(message, response.status, code);
        }
        if (!isRecord(data)) {
            throw new ClientError('', response.status, 'BAD_RESPONSE');
        }
        return data as T;
    }
}

function enc(id: string): string {
    return encodeURIComponent(id);
}

export const client = new Client();
