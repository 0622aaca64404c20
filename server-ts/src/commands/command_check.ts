// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import {runConnectionCheck} from '../api/connection_check';
import type {CommandArgs, CommandResponse} from '../runtime/hooks';
import type {Services} from '../services';

import {reply} from './command_text';

// /collabora check: the admin console's connection check, as text. System admins only, as in
// the console: the answer names internal addresses.
export async function checkCommand(services: Services, args: CommandArgs): Promise<CommandResponse> {
    if (!(await services.state.api.hasPermissionTo(args.user_id, 'manage_system'))) {
        return reply('Only system admins can run the connection check. If documents do not open, ask your system admin to run `/collabora check`.');
    }
    const results = await runConnectionCheck(services);
    const failed = results.filter((r) => !r.ok);
    services.state.log.info('Connection check run', {user_id: args.user_id, failed: failed.map((r) => r.id).join(','), via: 'command'});
    const lines = results.map((r) => {
        const head = `- ${r.ok ? ':white_check_mark:' : ':x:'} **${r.title}**: ${r.detail}`;
        return r.ok || !r.fix ? head : `${head}\n  - *Fix:* ${r.fix}`;
    });
    const summary = failed.length === 0 ? 'Everything works.' : `${failed.length} of ${results.length} checks failed.`;
    return reply(['#### Collabora Online connection check', summary, '', ...lines].join('\n'));
}
