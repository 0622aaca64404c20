// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
import {render} from '@testing-library/react';
import React from 'react';

import {Fragment, jsx, jsxs} from './jsx_runtime';

describe('jsx runtime stand-in', () => {
    it('builds the same elements as createElement', () => {
        const single = jsx('p', {className: 'a', children: 'hi'});
        const many = jsxs('ul', {children: [jsx('li', {children: 'one'}, '1'), jsx('li', {children: 'two'}, '2')]});
        const empty = jsx('br', {});
        const fragment = jsx(Fragment, {children: [jsx('b', {children: 'x'}, 'b')]});
        expect(single.key).toBeNull();
        expect(many.props.children[1].key).toBe('2');
        const {container} = render(React.createElement('div', null, single, many, empty, fragment));
        expect(container.innerHTML).toBe(
            '<div><p class="a">hi</p><ul><li>one</li><li>two</li></ul><br><b>x</b></div>',
        );
    });

    it('passes keys through', () => {
        expect(jsx('i', {}, 'k').key).toBe('k');
    });
});
