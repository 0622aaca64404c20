// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {currentViewReadOnly, isDarkTheme, isFromFrame, originOf, parseMessage, sendMessage, uniqueFrameName, withParams} from './post_message';

describe('parseMessage', () => {
    it('accepts JSON strings and objects', () => {
        expect(parseMessage('{"MessageId":"UI_Close","SendTime":5,"Values":{"EverModified":true}}')).toEqual({MessageId: 'UI_Close', SendTime: 5, Values: {EverModified: true}});
        expect(parseMessage({MessageId: 'Doc_ModifiedStatus', Values: {Modified: true}})?.Values.Modified).toBe(true);
        expect(parseMessage({MessageId: 'App_LoadingStatus'})?.Values).toEqual({});
    });

    it.each([['not json'], [null], [42], [{Values: {}}], [{MessageId: 3}], ['{"MessageId":"close","Values":{"Deprecated":true}}']])('rejects %p', (data) => {
        expect(parseMessage(data)).toBeNull();
    });
});

describe('currentViewReadOnly', () => {
    const view = (ViewId: string, IsCurrentView: boolean, ReadOnly: unknown) => ({ViewId, UserId: 'u', UserName: 'n', IsCurrentView, ReadOnly});

    it('reads our own view out of a views list, whatever the flag\'s type', () => {
        const list = parseMessage(JSON.stringify({MessageId: 'Views_List', Values: [view('0', false, false), view('1', true, true)]}));
        expect(currentViewReadOnly(list?.Values)).toBe(true);
        expect(currentViewReadOnly([view('1', true, '1')])).toBe(true);
        expect(currentViewReadOnly([view('1', true, 'true')])).toBe(true);
        expect(currentViewReadOnly([view('0', false, true), view('1', true, false)])).toBe(false);
        expect(currentViewReadOnly([view('1', true, 0)])).toBe(false);
    });

    it.each([[{}], [[]], [[view('0', false, true)]], [null], [[null, 'x']]])('says nothing for %p', (values) => {
        expect(currentViewReadOnly(values)).toBeUndefined();
    });
});

describe('origins', () => {
    it('derives the Collabora origin from the action URL', () => {
        expect(originOf('https://co.example.com:9980/browser/x/cool.html?WOPISrc=a')).toBe('https://co.example.com:9980');
        expect(originOf('not a url')).toBe('');
    });

    it('accepts only the Collabora origin and our frame', () => {
        const frame = {} as Window;
        const event = (origin: string, source: unknown) => ({origin, source} as MessageEvent);
        expect(isFromFrame(event('https://co.example.com', frame), 'https://co.example.com', frame)).toBe(true);
        expect(isFromFrame(event('https://evil.example.com', frame), 'https://co.example.com', frame)).toBe(false);
        expect(isFromFrame(event('https://co.example.com', {}), 'https://co.example.com', frame)).toBe(false);
        expect(isFromFrame(event('', frame), '', frame)).toBe(false);
    });

    it('posts to the Collabora origin, never "*"', () => {
        const postMessage = jest.fn();
        sendMessage({postMessage} as unknown as Window, 'https://co.example.com', 'Host_PostmessageReady');
        expect(postMessage).toHaveBeenCalledWith(expect.stringContaining('"MessageId":"Host_PostmessageReady"'), 'https://co.example.com');
        sendMessage({postMessage} as unknown as Window, '', 'X');
        expect(postMessage).toHaveBeenCalledTimes(1);
    });
});

describe('withParams', () => {
    const base = 'https://co/browser/h/cool.html?WOPISrc=https%3A%2F%2Fmm%2Fwopi%2Ffiles%2Fd';

    it('adds missing parameters without re-encoding WOPISrc', () => {
        expect(withParams(base, {closebutton: '1', lang: 'de'})).toBe(`${base}&closebutton=1&lang=de`);
    });

    it('keeps parameters the server already set', () => {
        expect(withParams(`${base}&lang=fr`, {lang: 'de'})).toBe(`${base}&lang=fr`);
    });

    it('handles URLs ending in ? or & and fragments', () => {
        expect(withParams('https://co/cool.html?', {a: '1'})).toBe('https://co/cool.html?a=1');
        expect(withParams('https://co/cool.html?x=1&', {a: '1'})).toBe('https://co/cool.html?x=1&a=1');
        expect(withParams('https://co/cool.html', {a: 'b c'})).toBe('https://co/cool.html?a=b%20c');
        expect(withParams('https://co/cool.html?x=1#top', {a: '1'})).toBe('https://co/cool.html?x=1&a=1#top');
    });
});

describe('misc', () => {
    it('makes unique frame names', () => {
        expect(uniqueFrameName()).not.toBe(uniqueFrameName());
    });

    it('tells a dark theme from a light one by --center-channel-bg', () => {
        document.body.style.setProperty('--center-channel-bg', '#1f1f1f');
        expect(isDarkTheme()).toBe(true);
        document.body.style.setProperty('--center-channel-bg', 'rgb(255, 255, 255)');
        expect(isDarkTheme()).toBe(false);
        document.body.style.removeProperty('--center-channel-bg');
        expect(isDarkTheme()).toBe(false);
    });
});
