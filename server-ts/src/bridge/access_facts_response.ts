// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {AccessFact, AccessFactError, GatherAccessFactsResponse} from '../gen/bridge/v1/bridge';
import {MattermostError, type Gathered, type GatheredAccessFacts} from '../mattermost/plugin_api';

// Reads the shim's GatherAccessFacts answer (build/shim/api_bridge_access_facts.go) into what
// the sidecar's own single calls would have answered, fact by fact.

const mattermostError = (e: AccessFactError): MattermostError => new MattermostError(e.message, e.status || 500, e.errorId || 'plugin.bridge.error');

function gathered<T>(fact: AccessFact | undefined): Gathered<T> | undefined {
    switch (fact?.outcome?.$case) {
    case 'json':
        return {value: JSON.parse(fact.outcome.value.toString('utf8')) as T};
    case 'error':
        return {error: mattermostError(fact.outcome.value)};
    default:
        return undefined;
    }
}

export function gatheredAccessFacts(res: GatherAccessFactsResponse): GatheredAccessFacts {
    // A store failure reading the record fails the request, as a failed kvGet does.
    if (res.recordError) {
        throw mattermostError(res.recordError);
    }
    return {
        record: res.record ? Buffer.from(res.record) : null,
        user: gathered(res.user) ?? {error: new MattermostError('The shim answered no user.', 500, 'plugin.bridge.error')},
        post: gathered(res.post),
        channelId: res.channelId,
        channel: gathered(res.channel),
        channelMember: gathered(res.channelMember),
        channelPermissions: res.channelPermissions,
    };
}
