// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {lookup} from './settings';

// The 1.x plugin (same id) stored WOPIAddress, SkipSSLVerify, EncryptionKey and
// FileEditPermissions. Admins upgrade in place, so their values are carried over into the 2.x
// keys the first time 2.x runs. The old keys are kept: downgrading must still work.

export interface LegacyMigration {
    // The settings to save, or null when there is nothing to migrate.
    migrated: Record<string, unknown> | null;
    // The 1.x settings that were found, for the log.
    found: string[];
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || v === '';

export function migrateLegacySettings(raw: Record<string, unknown>): LegacyMigration {
    const next: Record<string, unknown> = {...raw};
    const found: string[] = [];
    let changed = false;
    const alreadyMigrated = lookup(raw, 'LegacySettingsMigrated') === true;
    // Mattermost writes the manifest defaults when the plugin is enabled, so a new key that
    // still holds its default has not been chosen by the admin.
    const carry = (oldKey: string, newKey: string, defaultValue: unknown, convert: (v: unknown) => unknown): void => {
        const oldValue = lookup(raw, oldKey);
        if (isBlank(oldValue)) {
            return;
        }
        found.push(oldKey);
        const current = lookup(raw, newKey);
        if (!alreadyMigrated && (isBlank(current) || current === defaultValue)) {
            next[newKey] = convert(oldValue);
            changed = true;
        }
    };
    carry('WOPIAddress', 'CollaboraUrl', '', (v) => String(v).trim().replace(/\/+$/, ''));
    carry('SkipSSLVerify', 'SkipTlsVerify', false, (v) => v === true || v === 'true');
    // 1.x "File Edit Permissions" made new files editable by their owner only.
    carry('FileEditPermissions', 'DefaultEditPolicy', 'channel', (v) => (v === true || v === 'true' ? 'owner' : 'channel'));
    // EncryptionKey signed 1.x's non-expiring tokens; 2.x tokens expire and use their own key
    // (kept in the KV store), so the old key is left in place unused.
    if (lookup(raw, 'EncryptionKey')) {
        found.push('EncryptionKey');
    }
    if (found.length > 0 && !alreadyMigrated) {
        next.LegacySettingsMigrated = true;
        changed = true;
    }
    return {migrated: changed ? next : null, found};
}
