// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
export {default, Editor, RESTORE_ACK_TIMEOUT_MS, SAVE_BEFORE_CLOSE_TIMEOUT_MS} from './component';
export {PRESENCE_HEARTBEAT_MS} from './use_presence';
export {resetHistoryEntry} from './history_entry';
