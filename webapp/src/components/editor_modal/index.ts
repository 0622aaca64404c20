// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
export {default, Editor, PRESENCE_HEARTBEAT_MS, RESTORE_ACK_TIMEOUT_MS, SAVE_BEFORE_CLOSE_TIMEOUT_MS} from './component';
export {resetHistoryEntry} from './history_entry';
