// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

import type {Channel} from '@mattermost/types/channels';
import type {UserProfile} from '@mattermost/types/users';

import type {ApiHarness} from './api_harness';

// The people every API test meets, each with exactly the Mattermost rights their role has.
export interface World {
    privateChannel: Channel;
    publicChannel: Channel;
    archivedChannel: Channel;
    moderatedChannel: Channel;
    owner: UserProfile;
    channelAdmin: UserProfile;
    member: UserProfile;
    outsider: UserProfile;
    teamReader: UserProfile;
    sysadmin: UserProfile;
    archivedMember: UserProfile;
    readOnlyMember: UserProfile;
    guest: UserProfile;
}

export function buildWorld(h: ApiHarness): World {
    const privateChannel = h.addChannel('P');
    const publicChannel = h.addChannel('O');
    const archivedChannel = h.addChannel('O', {delete_at: 1});
    const moderatedChannel = h.addChannel('O');
    const owner = h.addUser('owner');
    const channelAdmin = h.addUser('chadmin');
    const member = h.addUser('member');
    const outsider = h.addUser('outsider');
    const teamReader = h.addUser('reader');
    const sysadmin = h.addUser('sysadmin', 'system_admin system_user');
    const archivedMember = h.addUser('archived');
    const readOnlyMember = h.addUser('readonly');
    const guest = h.addUser('guest', 'system_guest');

    for (const ch of [privateChannel, publicChannel]) {
        h.join(owner, ch);
        h.join(channelAdmin, ch, {admin: true});
        h.join(member, ch);
        h.join(guest, ch, {guest: true});
    }
    // A team member may read a public channel they have not joined.
    h.grant(teamReader, publicChannel, 'read_channel');
    h.join(owner, archivedChannel);
    h.join(archivedMember, archivedChannel);
    h.join(owner, moderatedChannel);
    h.join(readOnlyMember, moderatedChannel, {canPost: false});
    return {privateChannel, publicChannel, archivedChannel, moderatedChannel, owner, channelAdmin, member, outsider, teamReader, sysadmin, archivedMember, readOnlyMember, guest};
}
