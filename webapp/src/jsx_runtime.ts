// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Production stand-in for react/jsx-runtime (see webpack.config.js): Mattermost exposes window.React
// but not its JSX runtime, and React.createElement is stable across React 18 and 19.
import React from 'react';
import type {ElementType, Key, ReactElement} from 'react';

type Props = {children?: unknown; [key: string]: unknown};

function create(type: ElementType, props: Props, key: Key | undefined, isStatic: boolean): ReactElement {
    const {children, ...rest} = props;
    const config: Record<string, unknown> = key === undefined ? rest : {...rest, key};
    if (children === undefined) {
        return React.createElement(type, config);
    }
    if (isStatic && Array.isArray(children)) {
        return React.createElement(type, config, ...(children as React.ReactNode[]));
    }
    return React.createElement(type, config, children as React.ReactNode);
}

export const Fragment = React.Fragment;

export function jsx(type: ElementType, props: Props, key?: Key): ReactElement {
    return create(type, props, key, false);
}

export function jsxs(type: ElementType, props: Props, key?: Key): ReactElement {
    return create(type, props, key, true);
}
