// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// A small Mattermost REST client on Node's built-in fetch, for seeding the stack and for tests.
// It speaks only the handful of routes the tests need; each call names its route so failures
// read like the API documentation.

export class MattermostError extends Error {
    constructor(readonly method: string, readonly path: string, readonly status: number, readonly body: string) {
        super(`${method} ${path} answered ${status}: ${body.slice(0, 500)}`);
    }
}

export interface Session {
    token: string;
    csrf: string;
    userId: string;
}

export interface RequestOptions {
    // JSON body (objects) or a ready body (FormData, Buffer).
    body?: unknown;
    headers?: Record<string, string>;
    // Statuses the caller handles itself instead of getting a MattermostError.
    accept?: number[];
}

export class MattermostClient {
    constructor(readonly baseUrl: string, readonly token?: string) {}

    withToken(token: string): MattermostClient {
        return new MattermostClient(this.baseUrl, token);
    }

    // The raw fetch: any path on the server (REST API or plugin routes), with this client's token.
    async fetch(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
        const headers: Record<string, string> = {...options.headers};
        if (this.token) {
            headers.Authorization = `Bearer ${this.token}`;
        }
        let body: BodyInit | undefined;
        if (options.body instanceof FormData || options.body instanceof Buffer) {
            body = options.body as BodyInit;
        } else if (options.body !== undefined) {
            headers['Content-Type'] = 'application/json';
            body = JSON.stringify(options.body);
        }
        return fetch(new URL(path, this.baseUrl), {method, headers, body});
    }

    // A REST call whose JSON answer is returned; a status outside 2xx (and `accept`) throws.
    async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
        const res = await this.fetch(method, path, options);
        const text = await res.text();
        if (!res.ok && !(options.accept ?? []).includes(res.status)) {
            throw new MattermostError(method, path, res.status, text);
        }
        return (text === '' ? undefined : JSON.parse(text)) as T;
    }

    // POST /api/v4/users/login: the session token comes back in the Token header, the CSRF
    // token in the MMCSRF cookie (needed for cookie-authenticated non-GET requests).
    async login(loginId: string, password: string): Promise<Session> {
        const path = '/api/v4/users/login';
        const res = await this.fetch('POST', path, {body: {login_id: loginId, password}});
        const text = await res.text();
        if (!res.ok) {
            throw new MattermostError('POST', path, res.status, text);
        }
        const token = res.headers.get('Token');
        if (!token) {
            throw new Error(`${path} answered without a Token header`);
        }
        const csrf = /MMCSRF=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1] ?? '';
        return {token, csrf, userId: (JSON.parse(text) as {id: string}).id};
    }

    // GET /api/v4/system/ping: true when the server answers 200 (never throws, for polling).
    async ping(): Promise<boolean> {
        try {
            const res = await this.fetch('GET', '/api/v4/system/ping');
            await res.arrayBuffer();
            return res.ok;
        } catch {
            return false;
        }
    }
}

// Thrown by a probe to end a wait at once (e.g. the plugin failed: waiting longer cannot help).
export class StopWaiting extends Error {}

// Polls `probe` every `intervalMs` until it returns a value other than undefined, or fails
// with `what` after `timeoutMs`. Errors count as "not yet" (the server may be restarting);
// the last one is kept in the message.
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 250): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await probe();
            if (value !== undefined) {
                return value;
            }
        } catch (err) {
            if (err instanceof StopWaiting) {
                throw err;
            }
            lastError = err;
        }
        if (Date.now() >= deadline) {
            const detail = lastError instanceof Error ? `: last error: ${lastError.message}` : '';
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
        }
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
}
