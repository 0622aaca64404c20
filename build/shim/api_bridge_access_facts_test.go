// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/json"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// factsAPI answers the calls GatherAccessFacts makes and records them. Anything else panics
// (the embedded interface is nil).
type factsAPI struct {
	plugin.API
	record  []byte
	post    *model.Post
	members map[string]bool // channel ids the user is a member of
	// When set, GetPost waits until GetChannel has been entered: a GatherAccessFacts that
	// makes them one after the other never gets there.
	postWaitsForChannel chan struct{}
	channelEntered      sync.Once

	mu    sync.Mutex
	calls []string
}

func (f *factsAPI) called(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, name)
}

func (f *factsAPI) count(name string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, c := range f.calls {
		if c == name {
			n++
		}
	}
	return n
}

func notFound(what string) *model.AppError {
	return model.NewAppError("test", "app."+what+".not_found", nil, "", http.StatusNotFound)
}

func (f *factsAPI) GetUser(id string) (*model.User, *model.AppError) {
	f.called("GetUser")
	if id != "user1" {
		return nil, notFound("user")
	}
	return &model.User{Id: id, Roles: "system_user"}, nil
}

func (f *factsAPI) KVGet(string) ([]byte, *model.AppError) {
	f.called("KVGet")
	return f.record, nil
}

func (f *factsAPI) GetPost(string) (*model.Post, *model.AppError) {
	f.called("GetPost")
	if f.postWaitsForChannel != nil {
		select {
		case <-f.postWaitsForChannel:
		case <-time.After(5 * time.Second):
			return nil, model.NewAppError("test", "test.sequential", nil, "GetChannel was not called while GetPost ran", http.StatusInternalServerError)
		}
	}
	if f.post == nil {
		return nil, notFound("post")
	}
	return f.post, nil
}

func (f *factsAPI) GetChannel(id string) (*model.Channel, *model.AppError) {
	f.called("GetChannel:" + id)
	if f.postWaitsForChannel != nil {
		f.channelEntered.Do(func() { close(f.postWaitsForChannel) })
	}
	return &model.Channel{Id: id, Type: model.ChannelTypeOpen}, nil
}

func (f *factsAPI) GetChannelMember(channelID, userID string) (*model.ChannelMember, *model.AppError) {
	f.called("GetChannelMember:" + channelID)
	if !f.members[channelID] {
		return nil, notFound("channel_member")
	}
	return &model.ChannelMember{ChannelId: channelID, UserId: userID, Roles: "channel_user"}, nil
}

func (f *factsAPI) HasPermissionToChannel(_, channelID string, p *model.Permission) bool {
	f.called("HasPermissionToChannel:" + channelID)
	return f.members[channelID] && p.Id != "create_post"
}

func record(t *testing.T, postID, channelID string) []byte {
	t.Helper()
	data, err := json.Marshal(map[string]any{"docId": "doc1", "postId": postID, "channelId": channelID, "policy": "channel"})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func gather(t *testing.T, api *factsAPI, userID string) *bridgev1.GatherAccessFactsResponse {
	t.Helper()
	res, err := newAPIBridge(api, nil).GatherAccessFacts(context.Background(), &bridgev1.GatherAccessFactsRequest{
		UserId: userID, RecordKey: "doc:doc1", ChannelPermissions: []string{"read_channel", "read_public_channel", "create_post"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func factJSON(t *testing.T, f *bridgev1.AccessFact, v any) {
	t.Helper()
	data := f.GetJson()
	if data == nil {
		t.Fatalf("expected a value, got %v", f.GetError())
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatal(err)
	}
}

func TestGatherAccessFactsReadsPostAndChannelTogether(t *testing.T) {
	api := &factsAPI{record: record(t, "post1", "chan1"), post: &model.Post{Id: "post1", ChannelId: "chan1"}, members: map[string]bool{"chan1": true}, postWaitsForChannel: make(chan struct{})}
	res := gather(t, api, "user1")
	if string(res.Record) != string(api.record) {
		t.Fatalf("record %q", res.Record)
	}
	var post model.Post
	factJSON(t, res.Post, &post) // fails when GetPost waited in vain for GetChannel
	var member model.ChannelMember
	factJSON(t, res.ChannelMember, &member)
	var user model.User
	factJSON(t, res.User, &user)
	if res.ChannelId != "chan1" || member.ChannelId != "chan1" || user.Id != "user1" {
		t.Fatalf("channel %q member %+v user %+v", res.ChannelId, member, user)
	}
	if got := res.ChannelPermissions; len(got) != 3 || !got[0] || !got[1] || got[2] {
		t.Fatalf("permissions %v, want read, read public, not post", got)
	}
	if n := api.count("GetChannel:chan1"); n != 1 {
		t.Fatalf("GetChannel called %d times", n)
	}
}

func TestGatherAccessFactsFollowsAMovedPost(t *testing.T) {
	api := &factsAPI{record: record(t, "post1", "old"), post: &model.Post{Id: "post1", ChannelId: "new"}, members: map[string]bool{"old": true}}
	res := gather(t, api, "user1")
	if res.ChannelId != "new" {
		t.Fatalf("facts about channel %q, want the post's", res.ChannelId)
	}
	// Still a member of the record's old channel, but not of the post's: that must show.
	if e := res.ChannelMember.GetError(); e == nil || e.Status != http.StatusNotFound {
		t.Fatalf("membership %v, want not found", res.ChannelMember)
	}
	if got := res.ChannelPermissions; got[0] || got[1] {
		t.Fatalf("permissions %v are the old channel's", got)
	}
	if api.count("GetChannel:new") != 1 {
		t.Fatalf("calls %v", api.calls)
	}
}

func TestGatherAccessFactsReportsEachFailureOnItsOwn(t *testing.T) {
	api := &factsAPI{record: record(t, "gone", "chan1"), members: map[string]bool{"chan1": true}}
	res := gather(t, api, "nobody")
	if e := res.User.GetError(); e == nil || e.Status != http.StatusNotFound || e.ErrorId != "app.user.not_found" {
		t.Fatalf("user %v", res.User)
	}
	if e := res.Post.GetError(); e == nil || e.Status != http.StatusNotFound {
		t.Fatalf("post %v", res.Post)
	}
	// A deleted post: the channel facts are still the record's, for the sidecar to decide on.
	if res.ChannelId != "chan1" || res.Channel.GetJson() == nil {
		t.Fatalf("channel %q %v", res.ChannelId, res.Channel)
	}
}

func TestGatherAccessFactsWithoutRecordAsksNoMore(t *testing.T) {
	api := &factsAPI{}
	res := gather(t, api, "user1")
	if res.Record != nil || res.Post != nil || res.Channel != nil || res.ChannelId != "" {
		t.Fatalf("answer %v", res)
	}
	if len(api.calls) != 2 {
		t.Fatalf("calls %v, want the user and the record only", api.calls)
	}
}
