// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// PostHints remembers, per document, the post and channel its last gathered facts named, so the
// shim can ask for them together with the record: one round of Plugin API calls instead of two.
// Only a guess: every fact is still read from Mattermost on every request and the shim checks
// the guess against the record and the post, so a stale or missing hint costs a round trip,
// never a different decision. That is why it may live in one node's memory.
export interface PostHint {
    postId: string;
    channelId: string;
}

const MAX_HINTS = 10_000;

export class PostHints {
    private readonly hints = new Map<string, PostHint>();

    get(docId: string): PostHint | undefined {
        return this.hints.get(docId);
    }

    set(docId: string, hint: PostHint): void {
        // Re-inserted last, so the oldest entry is the first one to go.
        this.hints.delete(docId);
        this.hints.set(docId, hint);
        if (this.hints.size > MAX_HINTS) {
            this.hints.delete(this.hints.keys().next().value as string);
        }
    }

    forget(docId: string): void {
        this.hints.delete(docId);
    }
}
