// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {mentionsResult} from './admin_check_mentions';

describe('mentionsResult', () => {
    it('fails with a fix when notifications could carry no link to the document', () => {
        expect(mentionsResult('')).toMatchObject({id: 'mentions', ok: false, fix: expect.stringContaining('Site URL')});
    });

    it('says where the notification links lead', () => {
        expect(mentionsResult('https://chat.example.com')).toMatchObject({id: 'mentions', ok: true, detail: expect.stringContaining('https://chat.example.com')});
    });
});
