// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {ClientError, Status, type Metadata} from 'nice-grpc';

import {MattermostError} from '../mattermost/plugin_api';

// The shim puts the AppError's id and HTTP status in the trailer (build/shim/api_errors.go).
export interface TrailerCapture {
    trailer?: Metadata;
}

export function toMattermostError(err: unknown, capture: TrailerCapture): Error {
    if (!(err instanceof ClientError)) {
        return err instanceof Error ? err : new Error(String(err));
    }
    const status = Number(capture.trailer?.get('mm-status') ?? 0) || httpStatusFor(err.code);
    const errorId = String(capture.trailer?.get('mm-error-id') ?? 'plugin.bridge.error');
    return new MattermostError(err.details, status, errorId);
}

function httpStatusFor(code: Status): number {
    switch (code) {
    case Status.INVALID_ARGUMENT: return 400;
    case Status.UNAUTHENTICATED: return 401;
    case Status.PERMISSION_DENIED: return 403;
    case Status.NOT_FOUND: return 404;
    case Status.ABORTED: return 409;
    // The shim's own refusals (RemoveFileContent of bytes a post shows).
    case Status.FAILED_PRECONDITION: return 409;
    case Status.RESOURCE_EXHAUSTED: return 413;
    case Status.UNAVAILABLE: return 503;
    default: return 500;
    }
}
