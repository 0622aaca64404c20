// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Logger} from '../logger';
import {MattermostError, type PluginApi} from '../mattermost/plugin_api';

// removeRevisionContent removes a revision's stored bytes. A file attached to a post is
// Mattermost's, never ours to remove (the shim refuses it too): revisions are unattached uploads
// or CopyFileInfos copies, which have no post. A file already gone counts as removed.
// channelId is the document's, where files sharing a copy's bytes would be. Answers whether
// the bytes were removed.
export async function removeRevisionContent(api: PluginApi, log: Logger, fileId: string, channelId: string): Promise<boolean> {
    try {
        const info = await api.getFileInfo(fileId);
        if (info.post_id) {
            log.info('A revision file is attached to a post; Mattermost keeps it', {file_id: fileId, post_id: info.post_id});
            return false;
        }
    } catch (err) {
        if (err instanceof MattermostError && err.isNotFound) {
            return false;
        }
        throw err;
    }
    await api.removeFileContent(fileId, channelId);
    return true;
}
