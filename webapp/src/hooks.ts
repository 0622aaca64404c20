// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
// Typed access to the host store from components.
import {useDispatch, useSelector} from 'react-redux';

import type {AppDispatch} from './actions';
import type {HostState} from './selectors';

export const useAppDispatch = (): AppDispatch => useDispatch() as unknown as AppDispatch;

export function useHostSelector<T>(selector: (state: HostState) => T): T {
    return useSelector((state: HostState) => selector(state));
}
