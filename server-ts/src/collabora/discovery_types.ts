// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// Plain JSON-serialisable data so the cache module can keep a parsed copy in the KV store.

export type DiscoveryAction = {

    // edit, view, view_comment (read-only with comments, used for PDF), ...
    name: string;

    // Lower case, without the dot; '' for the Capabilities pseudo-app.
    ext: string;

    // As published, cleaned of the backslash-before-dot quirk; placeholders are filled or
    // stripped later by buildActionUrl (wopi-collabora.md 1.3).
    urlsrc: string;
    appName: string;
    favIconUrl: string | null;
    isDefault: boolean;
};

// The attributes of <proof-key>; each may be missing in a damaged or foreign discovery.
export type ProofKeyAttributes = {value: string | null; modulus: string | null; exponent: string | null};

export type DiscoveryProofKey = {current: ProofKeyAttributes; old: ProofKeyAttributes | null};

export type Discovery = {

    // ext -> action name -> action. Extensions are matched case-insensitively (1.2).
    actions: Record<string, Record<string, DiscoveryAction>>;

    // From the "Capabilities" app's getinfo action, when advertised.
    capabilitiesUrl: string | null;

    // null: this Collabora has no proof key configured, so requests carry no proof (5.1).
    proofKey: DiscoveryProofKey | null;
};

export type DiscoveryResult = {ok: true; discovery: Discovery; warnings: string[]} | {ok: false; error: string};
