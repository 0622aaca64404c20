// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// MessageHasBeenDeleted and MessageHasBeenUpdated run for every post on the server. Only posts
// with attachments can carry a document, so the others never cost a round trip through Node.
// Mattermost calls both after the change is stored, off the request path.

func (s *Shim) MessageHasBeenDeleted(_ *plugin.Context, post *model.Post) {
	client := s.hooks()
	if client == nil || post == nil || len(post.FileIds) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), hookTimeout)
	defer cancel()
	if _, err := client.MessageHasBeenDeleted(ctx, &bridgev1.MessageHasBeenDeletedRequest{PostId: post.Id, FileIds: post.FileIds}); err != nil {
		s.API.LogWarn("Post deletion not delivered to the sidecar; its documents are removed when next asked for", "post_id", post.Id, "error", err.Error())
	}
}

func (s *Shim) MessageHasBeenUpdated(_ *plugin.Context, newPost, oldPost *model.Post) {
	client := s.hooks()
	if client == nil || newPost == nil || oldPost == nil || len(oldPost.FileIds) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), hookTimeout)
	defer cancel()
	req := &bridgev1.MessageHasBeenUpdatedRequest{PostId: newPost.Id, OldFileIds: oldPost.FileIds, NewFileIds: newPost.FileIds}
	if _, err := client.MessageHasBeenUpdated(ctx, req); err != nil {
		s.API.LogWarn("Post edit not delivered to the sidecar; removed documents are removed when next asked for", "post_id", newPost.Id, "error", err.Error())
	}
}
