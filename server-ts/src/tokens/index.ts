// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

export {issueToken, verifyToken, MAX_TOKEN_LENGTH} from './access_token';
export type {TokenClaims, TokenErrorCode, TokenMode, VerifyTokenResult} from './access_token';
export {generateTokenKey, parseTokenKey, TOKEN_KEY_BYTES} from './token_key';
export type {TokenKeyResult} from './token_key';
export {tokenFromRequestUri, MAX_REQUEST_URI_LENGTH} from './token_from_request_uri';
export type {TokenFromUriResult} from './token_from_request_uri';
