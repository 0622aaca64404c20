// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Logger} from '../logger';
import {MattermostError, type PluginApi} from '../mattermost/plugin_api';

// removeRevisionContent removes a revision's stored bytes. The shim decides what may go
// (build/shim/remove_file_content.go): a file attached to a post, or whose bytes a live file
// still shares, is Mattermost's and refused (409); revisions are unattached uploads or
// CopyFileInfos copies. A file already gone (404) counts as removed. channelId is the
// document's, where files sharing a copy's bytes would be. Answers whether bytes were removed.
export async function removeRevisionContent(api: PluginApi, log: Logger, fileId: string, channelId: string): Promise<boolean> {
    try {
        await api.removeFileContent(fileId, channelId);
        return true;
    } catch (err) {
        if (err instanceof MattermostError && err.isNotFound) {
            return false;
        }
        if (err instanceof MattermostError && err.statusCode === 409) {
            log.info('A revision file is shown by a post or shares its bytes with one; Mattermost keeps it', {file_id: fileId, reason: err.message});
            return false;
        }
        throw err;
    }
}
