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
// Mattermost answers it now (nothing is cached), in as few sequential rounds as the data allows.
// With hints (the post and channel an earlier answer named) the user, the record, the post and
// the channel facts are one round, and a second one is made only for what a hint got wrong.
// Without them: the user and the record; then the post and the record's channel together; the
// channel once more only when the post has moved. Nothing is decided here.
func (b *apiBridge) GatherAccessFacts(_ context.Context, req *bridgev1.GatherAccessFactsRequest) (*bridgev1.GatherAccessFactsResponse, error) {
	res := &bridgev1.GatherAccessFactsResponse{}
	var record []byte
	var recordErr *model.AppError
	var guessed postAnswer
	var inGuessedChannel channelFacts
	var wg sync.WaitGroup
	wg.Go(func() { res.User = fact(b.api.GetUser(req.UserId)) })
	wg.Go(func() { record, recordErr = b.api.KVGet(req.RecordKey) })
	if req.HintPostId != "" && req.HintChannelId != "" {
		wg.Go(func() { guessed = b.post(req.HintPostId) })
		wg.Go(func() { inGuessedChannel = b.channelFacts(req.UserId, req.HintChannelId, req.ChannelPermissions) })
	}
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

	post := guessed
	known := map[string]channelFacts{}
	if req.HintPostId != "" && req.HintChannelId != "" {
		known[req.HintChannelId] = inGuessedChannel
	}
	if req.HintPostId != refs.PostID || req.HintChannelId == "" {
		// No hint, or a wrong one: the record's post, with its channel's facts meanwhile.
		channelID := refs.ChannelID
		_, have := known[channelID]
		var facts channelFacts
		wg.Go(func() { post = b.post(refs.PostID) })
		if !have {
			wg.Go(func() { facts = b.channelFacts(req.UserId, channelID, req.ChannelPermissions) })
		}
		wg.Wait()
		if !have {
			known[channelID] = facts
		}
	}
	res.Post = post.fact
	// The facts are about the post's channel; a post that could not be read leaves the record's.
	channelID := refs.ChannelID
	if post.err == nil {
		channelID = post.post.ChannelId
	}
	facts, have := known[channelID]
	if !have {
		facts = b.channelFacts(req.UserId, channelID, req.ChannelPermissions)
	}
	res.ChannelId, res.Channel, res.ChannelMember, res.ChannelPermissions = channelID, facts.channel, facts.member, facts.permissions
	return res, nil
}

// postAnswer is GetPost's answer, kept both ways: the fact for the sidecar, the post for the shim.
type postAnswer struct {
	post *model.Post
	err  *model.AppError
	fact *bridgev1.AccessFact
}

func (b *apiBridge) post(id string) postAnswer {
	post, err := b.api.GetPost(id)
	return postAnswer{post: post, err: err, fact: fact(post, err)}
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
