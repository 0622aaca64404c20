// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {collaboraAddress} from './collabora_address';

describe('collaboraAddress', () => {
    const xff = ['X-Forwarded-For'];
    it.each([
        ['no trusted header: the address Mattermost derived', {'x-forwarded-for': '10.0.0.9'}, [], '127.0.0.1'],
        ['appended by the proxy: the last entry, not the client-written first', {'x-forwarded-for': '10.0.0.9, 192.0.2.7'}, xff, '192.0.2.7'],
        ['several client-written entries', {'x-forwarded-for': '10.0.0.9,10.0.0.8 ,192.0.2.7'}, xff, '192.0.2.7'],
        ['repeated header lines', {'x-forwarded-for': ['10.0.0.9', '192.0.2.7']}, xff, '192.0.2.7'],
        ['the proxy set it alone', {'x-forwarded-for': '192.0.2.7'}, xff, '192.0.2.7'],
        ['X-Real-IP, overwritten by the proxy', {'x-real-ip': '192.0.2.7'}, ['X-Real-IP'], '192.0.2.7'],
        ['the first configured header present wins', {'x-real-ip': '192.0.2.8', 'x-forwarded-for': '192.0.2.7'}, ['X-Forwarded-For', 'X-Real-IP'], '192.0.2.7'],
        ['no header sent: the peer', {}, xff, '198.51.100.4'],
        ['empty header: the peer', {'x-forwarded-for': ' , '}, xff, '198.51.100.4'],
    ])('%s', (_name, headers, trusted, expected) => {
        expect(collaboraAddress(headers, '127.0.0.1', '198.51.100.4:53124', trusted)).toBe(expected);
    });

    it.each([
        ['[2001:db8::1]:443', '2001:db8::1'],
        ['2001:db8::1', '2001:db8::1'],
        ['198.51.100.4:1', '198.51.100.4'],
        ['', '127.0.0.1'],
    ])('peer %j is %s', (peer, expected) => {
        expect(collaboraAddress({}, '127.0.0.1', peer, ['X-Forwarded-For'])).toBe(expected);
    });
});
