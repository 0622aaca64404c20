// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"fmt"

	"github.com/mattermost/mattermost/server/public/model"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// sharedPathsPageSize is how many of the channel's FileInfos are looked at per Plugin API call
// when checking that nobody else uses the bytes.
const sharedPathsPageSize = 200

// RemoveFileContent removes the bytes of a revision nobody shows. The Plugin API has no call
// for it (DeleteFile would not remove the bytes either), so the shim removes them from the store
// itself. Never the bytes a post shows: a FileInfo attached to a post is refused, and so is one
// whose bytes another live FileInfo still names (CopyFileInfos copies share them: the copy of a
// revision a post showed, or that post's attachment). Soft-deleted FileInfos do not keep bytes:
// Mattermost shows them nowhere, and keeping them would keep every formerly shown revision.
func (b *apiBridge) RemoveFileContent(ctx context.Context, req *bridgev1.RemoveFileContentRequest) (*bridgev1.RemoveFileContentResponse, error) {
	backend, reason := b.store.get()
	if backend == nil {
		b.api.LogWarn("RemoveFileContent: Mattermost's file store cannot be opened", "reason", reason)
		return nil, status.Error(codes.Unavailable, "Mattermost's file store cannot be opened by the plugin (the reason is in Mattermost's log)")
	}
	info, appErr := b.api.GetFileInfo(req.FileId)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	if info.PostId != "" {
		return nil, status.Errorf(codes.FailedPrecondition, "file %s is attached to post %s: its bytes are what the post shows and are never removed", info.Id, info.PostId)
	}
	paths := contentPaths(info)
	if err := b.refuseSharedPaths(info, req.ChannelId, paths); err != nil {
		return nil, err
	}
	removed := []string{}
	for _, path := range paths {
		exists, err := backend.FileExists(path)
		if err != nil {
			return nil, b.storeError("look up", path, err)
		}
		if !exists {
			continue
		}
		if err := backend.RemoveFile(path); err != nil {
			return nil, b.storeError("remove", path, err)
		}
		removed = append(removed, path)
	}
	return &bridgev1.RemoveFileContentResponse{RemovedPaths: removed}, nil
}

// storeError logs the store's error in Mattermost's log and tells Node only what failed: the
// store's errors name its endpoint and bucket, which Node is not told (storage_secrets.test.ts).
func (b *apiBridge) storeError(what, path string, err error) error {
	b.api.LogWarn("RemoveFileContent: the file store failed", "operation", what, "path", path, "error", err.Error())
	return status.Errorf(codes.Unavailable, "the file store could not %s %s (the reason is in Mattermost's log)", what, path)
}

func contentPaths(info *model.FileInfo) []string {
	var paths []string
	for _, p := range []string{info.Path, info.ThumbnailPath, info.PreviewPath} {
		if p != "" {
			paths = append(paths, p)
		}
	}
	return paths
}

// refuseSharedPaths fails when another FileInfo of the channel names one of paths. A
// CopyFileInfos copy has no channel: the caller names its document's.
func (b *apiBridge) refuseSharedPaths(info *model.FileInfo, channelID string, paths []string) error {
	if info.ChannelId != "" {
		channelID = info.ChannelId
	}
	if channelID == "" {
		return status.Errorf(codes.FailedPrecondition, "file %s has no channel and none was given, so whether other files share its bytes cannot be checked", info.Id)
	}
	mine := map[string]bool{}
	for _, p := range paths {
		mine[p] = true
	}
	opt := &model.GetFileInfosOptions{ChannelIds: []string{channelID}, SortBy: model.FileinfoSortByCreated}
	for page := 0; ; page++ {
		infos, appErr := b.api.GetFileInfos(page, sharedPathsPageSize, opt)
		if appErr != nil {
			return status.Errorf(codeFor(appErr.StatusCode), "cannot list the channel's files: %v", appErr)
		}
		for _, other := range infos {
			if other.Id == info.Id {
				continue
			}
			for _, p := range contentPaths(other) {
				if mine[p] {
					return status.Error(codes.FailedPrecondition, fmt.Sprintf("file %s shares its stored bytes (%s) with file %s: they are kept", info.Id, p, other.Id))
				}
			}
		}
		if len(infos) < sharedPathsPageSize {
			return nil
		}
	}
}
