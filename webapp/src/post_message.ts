// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Collabora's PostMessage API (SDK postmessage_api): messages are {MessageId, SendTime, Values}, sent
// by Collabora as JSON strings. We accept them only from the Collabora origin and our own frame, and
// post back to that origin, never '*'.

export type CollaboraMessage = {MessageId: string; SendTime?: number; Values: Record<string, unknown>};

export function parseMessage(data: unknown): CollaboraMessage | null {
    let value = data;
    if (typeof data === 'string') {
        try {
            value = JSON.parse(data);
        } catch {
            return null;
        }
    }
    if (typeof value !== 'object' || value === null) {
        return null;
    }
    const v = value as Record<string, unknown>;
    if (typeof v.MessageId !== 'string') {
        return null;
    }
    const values = typeof v.Values === 'object' && v.Values !== null ? v.Values as Record<string, unknown> : {};

    // Legacy duplicates Collabora still sends next to the current messages.
    if (values.Deprecated === true) {
        return null;
    }
    return {MessageId: v.MessageId, SendTime: typeof v.SendTime === 'number' ? v.SendTime : undefined, Values: values};
}

// Views_List / Get_Views_Resp carry an array of views (COOL browser/src/map/handler/Map.WOPI.js,
// _postViewsMessage). Whether Collabora keeps our own view read-only, e.g. after its LOCK was
// refused (COOL wsd/ClientSession.cpp setLockFailed); undefined when the list does not say.
export function currentViewReadOnly(values: unknown): boolean | undefined {
    if (!Array.isArray(values)) {
        return undefined;
    }
    const own = values.find((view: unknown) => typeof view === 'object' && view !== null && (view as Record<string, unknown>).IsCurrentView === true) as Record<string, unknown> | undefined;
    if (!own) {
        return undefined;
    }
    const flag = own.ReadOnly;
    return flag === true || flag === 1 || flag === '1' || flag === 'true';
}

export function originOf(url: string): string {
    try {
        return new URL(url).origin;
    } catch {
        return '';
    }
}

export function isFromFrame(event: MessageEvent, origin: string, frame: Window | null | undefined): boolean {
    if (!origin || event.origin !== origin) {
        return false;
    }
    return !frame || event.source === frame;
}

export function sendMessage(frame: Window | null | undefined, origin: string, messageId: string, values: Record<string, unknown> = {}): void {
    if (!frame || !origin) {
        return;
    }
    frame.postMessage(JSON.stringify({MessageId: messageId, SendTime: Date.now(), Values: values}), origin);
}

// Adds cool.html parameters the server left out, without re-encoding what it wrote (WOPISrc must
// stay URI-encoded exactly once, CollaboraOnline/collabora-mattermost#82).
export function withParams(actionUrl: string, params: Record<string, string>): string {
    const [beforeHash, hash] = actionUrl.split('#', 2);
    const query = beforeHash.includes('?') ? beforeHash.slice(beforeHash.indexOf('?') + 1) : '';
    const present = new Set(query.split('&').filter(Boolean).map((pair) => pair.split('=')[0].toLowerCase()));
    const extra = Object.entries(params).
        filter(([key]) => !present.has(key.toLowerCase())).
        map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
    if (extra.length === 0) {
        return actionUrl;
    }
    let sep = '?';
    if (beforeHash.includes('?')) {
        sep = beforeHash.endsWith('?') || beforeHash.endsWith('&') ? '' : '&';
    }
    const url = beforeHash + sep + extra.join('&');
    return hash === undefined ? url : `${url}#${hash}`;
}

// A frame name nobody else uses: the form POST targets it, so two viewers never cross tokens.
let frameSeq = 0;
export function uniqueFrameName(): string {
    frameSeq += 1;
    return `collabora_frame_${frameSeq}_${Math.random().toString(36).slice(2, 10)}`;
}

// ui_theme for Collabora from the Mattermost theme in force (its CSS variables).
export function isDarkTheme(element: Element = document.body): boolean {
    const bg = getComputedStyle(element).getPropertyValue('--center-channel-bg').trim();
    const rgb = parseColor(bg);
    if (!rgb) {
        return false;
    }
    const [r, g, b] = rgb;
    return ((0.2126 * r) + (0.7152 * g) + (0.0722 * b)) / 255 < 0.5;
}

function parseColor(value: string): [number, number, number] | null {
    const hex = (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i).exec(value);
    if (hex) {
        const h = hex[1].length === 3 ? hex[1].split('').map((c) => c + c).join('') : hex[1];
        return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
    }
    const rgb = (/^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i).exec(value);
    return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}
