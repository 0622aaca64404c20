// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {privateNetworkReason} from './admin_check_private_network';

// Hosts as `new URL(...).hostname` gives them, so the URL parser's normalisation (brackets,
// hex IPv4, case) is part of what is tested.
const hostOf = (url: string) => new URL(url).hostname;

describe('privateNetworkReason', () => {
    it.each([
        ['http://127.0.0.1:8065', /loopback/],
        ['http://127.200.0.1', /loopback/],
        ['http://localhost:8065', /loopback/],
        ['http://mm.localhost', /loopback/],
        ['http://[::1]:8065', /loopback/],
        ['http://10.0.0.5:8065', /private/],
        ['http://172.16.0.1', /private/],
        ['http://172.31.255.254', /private/],
        ['http://192.168.1.20', /private/],
        ['http://169.254.10.1', /private/],
        ['http://0x0a000001', /private/],
        ['http://[fd12:3456::1]', /private/],
        ['http://[fc00::1]', /private/],
        ['http://[fe80::1]', /private/],
        ['http://[::ffff:192.168.0.9]', /private/],
        ['http://mattermost:8065', /single-label/],
        ['http://MATTERMOST.:8065', /single-label/],
        ['http://chat.local', /\.local names/],
        ['http://mm.home.arpa', /\.home\.arpa names/],
        ['http://mm.corp.internal', /\.internal names/],
    ])('%s is private', (url, reason) => {
        expect(privateNetworkReason(hostOf(url))).toMatch(reason);
    });

    it.each([
        'http://chat.example.com',
        'http://8.8.8.8',
        'http://172.15.255.255',
        'http://172.32.0.1',
        'http://192.169.0.1',
        'http://100.64.0.1',
        'http://11.0.0.1',
        'http://[2001:db8::1]',
        'http://[::ffff:8.8.8.8]',
        'http://local.example.com',
        'http://localhost.example.com',
        'http://internal.example.com',
    ])('%s may be public', (url) => {
        expect(privateNetworkReason(hostOf(url))).toBeNull();
    });

    it('treats an empty host as not private', () => {
        expect(privateNetworkReason('')).toBeNull();
    });
});
