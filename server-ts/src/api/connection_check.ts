// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Services} from '../services';

import type {CheckResult} from './admin_check_result';
import {cleanupResult} from './admin_check_cleanup';
import {convertResult} from './admin_check_convert';
import {collaboraChecks} from './admin_checks_collabora';
import {mixedContentResult, tlsResult, wopiReachableResult} from './admin_checks_config';
import {mentionsResult} from './admin_check_mentions';
import {serverResult} from './admin_check_server';

// The connection self-test, shared by the admin console's "Test connection" and /collabora
// check. Callers check that the user is a system admin: the answer names internal addresses.
export async function runConnectionCheck(services: Services): Promise<CheckResult[]> {
    const settings = services.state.settings;
    return [
        ...(await collaboraChecks(settings, services.now)),
        await convertResult(settings),
        tlsResult(settings),
        mixedContentResult(settings, services.state.serverConfig.siteUrl),
        wopiReachableResult(settings, services.state.wopiBaseUrl),
        mentionsResult(services.state.serverConfig.siteUrl),
        await cleanupResult(services.state.api),
        serverResult(services.state.compat),
    ];
}
