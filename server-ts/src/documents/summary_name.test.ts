// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {summaryName} from './summary_name';

describe('summaryName', () => {
    it.each([
        ['report.odt', '`report.odt`'],
        ['@channel.odt', '`@channel.odt`'],
        ['**@here**.odt', '`**@here**.odt`'],
        ['[x](http://evil).odt', '`[x](http://evil).odt`'],
        ['a`b.odt', '``a`b.odt``'],
        ['`@all`.odt', '`` `@all`.odt ``'],
        ['a``b.odt', '```a``b.odt```'],
        ['line\nbreak @channel.odt', '`line break @channel.odt`'],
        ['   ', '`document`'],
    ])('%j becomes the code span %s', (name, expected) => {
        expect(summaryName(name)).toBe(expected);
    });
});
