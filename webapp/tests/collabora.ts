// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Plays Collabora's side of the PostMessage API in tests.
import {act, screen} from '@testing-library/react';

export const COLLABORA = 'https://collabora.example.com';

export const session = {
    actionUrl: `${COLLABORA}/browser/abc/cool.html?WOPISrc=https%3A%2F%2Fmm.example.com%2Fplugins%2Fx%2Fwopi%2Ffiles%2Fdoc1`,
    accessToken: 'secret-token',
    accessTokenTtl: 1900000000000,
    mode: 'view',
    docId: 'doc1',
    fileName: 'report.docx',
    postMessageOrigin: 'http://localhost',
};

export function frameWindow(): Window {
    const iframe = screen.getByTestId('collabora-iframe') as HTMLIFrameElement;
    return iframe.contentWindow as Window;
}

export function collaboraSays(messageId: string, values: Record<string, unknown> = {}, origin = COLLABORA, source?: Window) {
    const from = source ?? frameWindow();
    act(() => {
        window.dispatchEvent(new MessageEvent('message', {data: JSON.stringify({MessageId: messageId, SendTime: 1, Values: values}), origin, source: from}));
    });
}

// Messages the host posted to the frame, parsed.
export function sentToFrame(spy: jest.SpyInstance): Array<{MessageId: string; Values: Record<string, unknown>}> {
    return spy.mock.calls.map((call) => JSON.parse(call[0] as string));
}
