// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
export {default, DEFAULT_LOAD_TIMEOUT_MS} from './component';
export type {FrameHandle, FrameErrorKind, Props as CollaboraFrameProps} from './component';
