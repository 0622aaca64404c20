// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Mattermost's AutocompleteData (model/command_autocomplete.go) in its JSON spelling: the Go
// structs have no json tags, so the keys are the field names. Every client, the mobile apps
// included, offers these suggestions as the user types.

interface AutocompleteTextArg {
    Name: string;
    HelpText: string;
    Type: 'TextInput';
    Required: boolean;
    Data: {Hint: string; Pattern: string};
}

export interface AutocompleteData {
    Trigger: string;
    Hint: string;
    HelpText: string;
    // '' or 'system_user': everyone; 'system_admin': only admins see the suggestion.
    RoleID: '' | 'system_user' | 'system_admin';
    Arguments: AutocompleteTextArg[];
    SubCommands: AutocompleteData[];
}

const node = (Trigger: string, Hint: string, HelpText: string, extra: Partial<AutocompleteData> = {}): AutocompleteData => ({
    Trigger, Hint, HelpText, RoleID: 'system_user', Arguments: [], SubCommands: [], ...extra,
});

const nameArgument = (what: string): AutocompleteTextArg => ({
    Name: '', HelpText: `Name of the new ${what}`, Type: 'TextInput', Required: true, Data: {Hint: '<name>', Pattern: ''},
});

export function collaboraAutocomplete(trigger: string): AutocompleteData {
    const kinds = (['document', 'spreadsheet', 'presentation'] as const).map((kind) =>
        node(kind, '<name>', `Create a blank ${kind} in this channel`, {Arguments: [nameArgument(kind)]}));
    return node(trigger, '[command]', 'View and edit office documents with Collabora Online', {
        SubCommands: [
            node('new', 'document|spreadsheet|presentation <name>', 'Create a blank document in this channel', {SubCommands: kinds}),
            node('open', '', 'List this channel\'s recent documents with links that open in any browser'),
            // No argument entry: Mattermost refuses an optional positional argument.
            node('unlock', '[name]', 'List locked documents, or release the lock a crashed editor left'),
            node('help', '', 'Show what the command can do'),
            node('check', '', 'Test the connection to Collabora Online (system admins)', {RoleID: 'system_admin'}),
        ],
    });
}
