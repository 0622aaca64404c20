// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

export {parseBooleanHeader} from './boolean_header';
export {parseCoolSaveFlags} from './cool_save_headers';
export type {CoolSaveFlags, HeaderLookup} from './cool_save_headers';
export {checkCoolTimestamp, COOL_TIMESTAMP_HEADER, LOOL_TIMESTAMP_HEADER, parseCoolTimestamp} from './cool_timestamp';
export type {TimestampCheck} from './cool_timestamp';
export type {HeaderError, HeaderErrorCode, HeaderResult, RawHeader} from './header_result';
export {formatLastModifiedTime} from './last_modified_time';
export {LOCK_HEADER, MAX_LOCK_LENGTH, OLD_LOCK_HEADER, parseOldLock, parseOptionalLock, parseRequiredLock} from './lock_headers';
export {OVERRIDE_HEADER, parseOverride, WOPI_OVERRIDES} from './override_header';
export type {WopiOverride} from './override_header';
export {parseSizeHeader, SIZE_HEADER} from './size_header';
export {
    OVERWRITE_RELATIVE_TARGET_HEADER,
    parsePutRelativeTarget,
    parseRequestedName,
    RELATIVE_TARGET_HEADER,
    REQUESTED_NAME_HEADER,
    SUGGESTED_TARGET_HEADER,
} from './target_name_headers';
export type {PutRelativeTarget, SuggestedTarget} from './target_name_headers';
export {decodeUtf7} from './utf7';
export type {Utf7Result} from './utf7';
