// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Stable codes for logs, tests and the webapp, each with the sentence a user
// reads. The codes never change meaning; the sentences may be reworded.

// The checks shared by decideAccess and canChangePolicy, in the order they run.
export const GATE_CODES = [
    'USER_DEACTIVATED',
    'NO_CHANNEL_ACCESS',
    'BOT_VIEW_ONLY',
    'CHANNEL_ARCHIVED',
    'GUEST_VIEW_ONLY',
    'CANNOT_POST',
    'NOT_CHANNEL_MEMBER',
] as const;
export type GateCode = (typeof GATE_CODES)[number];

export const ACCESS_CODES = [
    ...GATE_CODES,
    'POLICY_OWNER_ONLY',
    'POLICY_OWNER_AND_ADMINS',
    'POLICY_VIEW_ONLY',
    'EDIT_AS_SYSTEM_ADMIN',
    'EDIT_AS_OWNER',
    'EDIT_AS_CHANNEL_ADMIN',
    'EDIT_AS_CHANNEL_MEMBER',
] as const;
export type AccessCode = (typeof ACCESS_CODES)[number];

export const CHANGE_POLICY_CODES = [
    ...GATE_CODES,
    'NOT_OWNER_OR_ADMIN',
    'CHANGE_AS_SYSTEM_ADMIN',
    'CHANGE_AS_OWNER',
    'CHANGE_AS_CHANNEL_ADMIN',
] as const;
export type ChangePolicyCode = (typeof CHANGE_POLICY_CODES)[number];

export const ACCESS_REASONS: Readonly<Record<AccessCode, string>> = {
    USER_DEACTIVATED: 'Your account is deactivated, so you cannot open documents.',
    NO_CHANNEL_ACCESS: 'You do not have access to the channel this document was shared in.',
    BOT_VIEW_ONLY: 'Bot accounts can view documents but never edit them.',
    CHANNEL_ARCHIVED: 'This channel is archived, so its documents are read-only.',
    GUEST_VIEW_ONLY: 'Guest accounts can view documents but not edit them on this server.',
    CANNOT_POST: 'You cannot post in this channel, so its documents are read-only for you.',
    NOT_CHANNEL_MEMBER: 'Join this channel to edit its documents.',
    POLICY_OWNER_ONLY: 'Only the person who shared this document can edit it.',
    POLICY_OWNER_AND_ADMINS: 'Only the person who shared this document and the channel admins can edit it.',
    POLICY_VIEW_ONLY: 'This document is set to view only.',
    EDIT_AS_SYSTEM_ADMIN: 'You can edit this document because you are a system admin.',
    EDIT_AS_OWNER: 'You can edit this document because you shared it.',
    EDIT_AS_CHANNEL_ADMIN: 'You can edit this document because you are a channel admin.',
    EDIT_AS_CHANNEL_MEMBER: 'Everyone in this channel can edit this document.',
};

export const CHANGE_POLICY_REASONS: Readonly<Record<ChangePolicyCode, string>> = {
    USER_DEACTIVATED: 'Your account is deactivated, so you cannot change who may edit documents.',
    NO_CHANNEL_ACCESS: 'You do not have access to the channel this document was shared in.',
    BOT_VIEW_ONLY: 'Bot accounts cannot change who may edit a document.',
    CHANNEL_ARCHIVED: 'This channel is archived, so nobody can change who may edit its documents.',
    GUEST_VIEW_ONLY: 'Guest accounts cannot change who may edit a document on this server.',
    CANNOT_POST: 'You cannot post in this channel, so you cannot change who may edit its documents.',
    NOT_CHANNEL_MEMBER: 'Join this channel to change who may edit its documents.',
    NOT_OWNER_OR_ADMIN: 'Only the person who shared this document, channel admins and system admins can change who may edit it.',
    CHANGE_AS_SYSTEM_ADMIN: 'You can change who may edit this document because you are a system admin.',
    CHANGE_AS_OWNER: 'You can change who may edit this document because you shared it.',
    CHANGE_AS_CHANNEL_ADMIN: 'You can change who may edit this document because you are a channel admin.',
};
