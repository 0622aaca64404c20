// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {UserProfile} from '@mattermost/types/users';

// The name shown for a user, as CheckFileInfo gives it to Collabora, so the revision list, the
// presence badge and the editor's own user list agree.
export function displayNameOf(user: UserProfile): string {
    return [user.first_name, user.last_name].filter(Boolean).join(' ') || user.nickname || user.username;
}
