// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/json"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// The two fields of the sidecar's document record the other facts depend on.
type recordRefs struct {
	PostID    string `json:"postId"`
	ChannelID string `json:"channelId"`
}

// channelFacts are the facts about one user in one channel.
type channelFacts struct {
	channel, member *bridgev1.AccessFact
	permissions     []bool
}

// GatherAccessFacts makes the Plugin API calls the sidecar's rights decision needs, each as
// Mattermost answers it now (nothing is cached), in as few sequential steps as the data allows:
// the user and the record together; then the post and the record's channel together; the
// channel once more only when the post has moved to another one. Nothing is decided here.
func (b *apiBridge) GatherAccessFacts(_ context.Context, req *bridgev1.GatherAccessFactsRequest) (*bridgev1.GatherAccessFactsResponse, error) {
	res := &bridgev1.GatherAccessFactsResponse{}
	var record []byte
	var recordErr *model.AppError
	var wg sync.WaitGroup
	wg.Go(func() { res.User = fact(b.api.GetUser(req.UserId)) })
	wg.Go(func() { record, recordErr = b.api.KVGet(req.RecordKey) })
	wg.Wait()
	if recordErr != nil {
		res.RecordError = factError(recordErr)
		return res, nil
	}
	if record == nil {
		return res, nil
	}
	res.Record = record
	var refs recordRefs
	if err := json.Unmarshal(record, &refs); err != nil || refs.PostID == "" {
		// Not a record the sidecar wrote: it decides what that means.
		return res, nil
	}

	var post *model.Post
	var postErr *model.AppError
	var inRecordChannel channelFacts
	wg.Go(func() { post, postErr = b.api.GetPost(refs.PostID) })
	wg.Go(func() { inRecordChannel = b.channelFacts(req.UserId, refs.ChannelID, req.ChannelPermissions) })
	wg.Wait()
	res.Post = fact(post, postErr)
	facts, channelID := inRecordChannel, refs.ChannelID
	if postErr == nil && post.ChannelId != refs.ChannelID {
		channelID = post.ChannelId
		facts = b.channelFacts(req.UserId, channelID, req.ChannelPermissions)
	}
	res.ChannelId, res.Channel, res.ChannelMember, res.ChannelPermissions = channelID, facts.channel, facts.member, facts.permissions
	return res, nil
}

// channelFacts reads the channel, the user's membership and each permission concurrently.
func (b *apiBridge) channelFacts(userID, channelID string, permissions []string) channelFacts {
	out := channelFacts{permissions: make([]bool, len(permissions))}
	var wg sync.WaitGroup
	wg.Go(func() { out.channel = fact(b.api.GetChannel(channelID)) })
	wg.Go(func() { out.member = fact(b.api.GetChannelMember(channelID, userID)) })
	for i, p := range permissions {
		wg.Go(func() { out.permissions[i] = b.api.HasPermissionToChannel(userID, channelID, &model.Permission{Id: p}) })
	}
	wg.Wait()
	return out
}

// fact is one Plugin API answer as the sidecar reads it: Mattermost's JSON, or its error.
func fact[T any](v *T, appErr *model.AppError) *bridgev1.AccessFact {
	if appErr != nil {
		return &bridgev1.AccessFact{Outcome: &bridgev1.AccessFact_Error{Error: factError(appErr)}}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return &bridgev1.AccessFact{Outcome: &bridgev1.AccessFact_Error{Error: &bridgev1.AccessFactError{Status: 500, ErrorId: "plugin.bridge.encode", Message: err.Error()}}}
	}
	return &bridgev1.AccessFact{Outcome: &bridgev1.AccessFact_Json{Json: data}}
}

func factError(err *model.AppError) *bridgev1.AccessFactError {
	return &bridgev1.AccessFactError{Status: int32(err.StatusCode), ErrorId: err.Id, Message: err.Error()}
}
