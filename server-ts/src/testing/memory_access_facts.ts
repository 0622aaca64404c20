// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {settle, type AccessFactsRequest, type GatheredAccessFacts, type PluginApi} from '../mattermost/plugin_api';

// gatherAccessFacts for the in-memory Mattermost: the same calls, in the same order of
// dependence, as the shim makes them (build/shim/api_bridge_access_facts.go).

type ChannelPart = Pick<GatheredAccessFacts, 'channel' | 'channelMember' | 'channelPermissions'>;

async function channelFacts(api: PluginApi, userId: string, channelId: string, permissions: readonly string[]): Promise<ChannelPart> {
    const [channel, channelMember, channelPermissions] = await Promise.all([
        settle(api.getChannel(channelId)),
        settle(api.getChannelMember(channelId, userId)),
        Promise.all(permissions.map((p) => api.hasPermissionToChannel(userId, channelId, p))),
    ]);
    return {channel, channelMember, channelPermissions};
}

export async function gatherAccessFactsIn(api: PluginApi, req: AccessFactsRequest): Promise<GatheredAccessFacts> {
    const [user, record] = await Promise.all([settle(api.getUser(req.userId)), api.kvGet(req.recordKey)]);
    const none: GatheredAccessFacts = {record, user, channelId: '', channelPermissions: []};
    if (!record) {
        return none;
    }
    let refs: {postId?: unknown; channelId?: unknown};
    try {
        refs = JSON.parse(record.toString('utf8')) as typeof refs;
    } catch {
        return none;
    }
    if (typeof refs.postId !== 'string' || refs.postId === '') {
        return none;
    }
    const recordChannel = typeof refs.channelId === 'string' ? refs.channelId : '';
    const [post, inRecordChannel] = await Promise.all([settle(api.getPost(refs.postId)), channelFacts(api, req.userId, recordChannel, req.channelPermissions)]);
    if ('value' in post && post.value.channel_id !== recordChannel) {
        return {record, user, post, channelId: post.value.channel_id, ...await channelFacts(api, req.userId, post.value.channel_id, req.channelPermissions)};
    }
    return {record, user, post, channelId: recordChannel, ...inRecordChannel};
}
