// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
)

type healthAnswer struct {
	Status       string  `json:"status"`
	Version      string  `json:"version"`
	Uptime       float64 `json:"uptime"`
	UserID       *string `json:"user_id"`
	SettingsHash string  `json:"settings_hash"`
}

func TestEveryHookReachesNodeAndAnswers(t *testing.T) {
	h := startHarness(t)

	// OnActivate reached Node: it registered its slash command through the Plugin API.
	h.api.mu.Lock()
	commands := strings.Join(h.api.commands, ",")
	h.api.mu.Unlock()
	if commands != "collabora" {
		t.Fatalf("registered commands = %q, want collabora", commands)
	}

	// ServeHTTP: the health route answers from Node with the manifest's version.
	var health healthAnswer
	h.getJSON("/api/v1/health", &health)
	if health.Status != "ok" || health.Version != "2.0.0" || health.UserID != nil {
		t.Fatalf("health = %+v", health)
	}

	// OnConfigurationChange: new settings reach Node.
	h.api.setConfig("CollaboraUrl", "https://office.example.com")
	if err := h.shim.OnConfigurationChange(); err != nil {
		t.Fatal(err)
	}
	var after healthAnswer
	h.getJSON("/api/v1/health", &after)
	if after.SettingsHash == health.SettingsHash {
		t.Fatalf("settings hash did not change after OnConfigurationChange: %s", after.SettingsHash)
	}

	// ExecuteCommand: Node's answer comes back.
	resp, appErr := h.shim.ExecuteCommand(nil, &model.CommandArgs{Command: "/collabora help", UserId: "u1", ChannelId: "c1"})
	if appErr != nil {
		t.Fatal(appErr)
	}
	if resp.ResponseType != model.CommandResponseTypeEphemeral || !strings.Contains(resp.Text, "/collabora help") {
		t.Fatalf("command response = %+v", resp)
	}

	// OnPluginClusterEvent: the event reaches Node's handler.
	h.shim.OnPluginClusterEvent(nil, model.PluginClusterEvent{Id: "bridge_test", Data: []byte("hello node")})
	var state struct {
		ClusterEvents []string `json:"clusterEvents"`
	}
	h.getJSON("/api/v1/test/state", &state)
	if len(state.ClusterEvents) != 1 || state.ClusterEvents[0] != "hello node" {
		t.Fatalf("cluster events seen by Node = %v", state.ClusterEvents)
	}

	// MessageHasBeenDeleted and MessageHasBeenUpdated: posts with attachments reach Node, which
	// looks their files up; posts without attachments cost no round trip.
	gone := "aaaaaaaaaaaaaaaaaaaaaaaaaa"
	edited := "bbbbbbbbbbbbbbbbbbbbbbbbbb"
	h.shim.MessageHasBeenDeleted(nil, &model.Post{Id: "p1"})
	h.shim.MessageHasBeenUpdated(nil, &model.Post{Id: "p2", FileIds: []string{gone}}, &model.Post{Id: "p2"})
	if got := h.api.kvGetsWithPrefix("file:"); len(got) != 0 {
		t.Fatalf("posts without attachments reached Node: %v", got)
	}
	h.shim.MessageHasBeenDeleted(nil, &model.Post{Id: "p1", FileIds: []string{gone}})
	h.shim.MessageHasBeenUpdated(nil, &model.Post{Id: "p2", FileIds: []string{gone}}, &model.Post{Id: "p2", FileIds: []string{gone, edited}})
	if got := strings.Join(h.api.kvGetsWithPrefix("file:"), ","); got != "file:"+gone+",file:"+edited {
		t.Fatalf("file lookups after post hooks = %q", got)
	}

	// OnDeactivate: Node stops with the plugin.
	pid := h.sidecarPID()
	if err := h.shim.OnDeactivate(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "Node to exit", func() bool { return !processAlive(pid) })
	resp2, _ := h.get("/api/v1/health")
	if resp2.StatusCode != http.StatusServiceUnavailable {
		t.Fatalf("after deactivation: %d, want 503", resp2.StatusCode)
	}
}

func TestRequestURIAndUserHeaderReachNode(t *testing.T) {
	h := startHarness(t)
	// Mattermost strips access_token from the parsed query but keeps the raw RequestURI; a
	// client-sent bridge header must not override what the shim vouches for.
	req, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/api/v1/test/state?access_token=secret&x=1", nil)
	req.Header.Set("Mattermost-User-Id", "user123")
	req.Header.Set("X-Collabora-Bridge-Request-Uri", "%2Fforged")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var state struct {
		RequestURI string            `json:"request_uri"`
		Headers    map[string]string `json:"headers"`
	}
	if err := decodeJSON(resp.Body, &state); err != nil {
		t.Fatal(err)
	}
	if state.RequestURI != "/api/v1/test/state?access_token=secret&x=1" {
		t.Fatalf("raw request URI seen by Node = %q", state.RequestURI)
	}
	if state.Headers["mattermost-user-id"] != "user123" {
		t.Fatalf("Mattermost-User-Id seen by Node = %q", state.Headers["mattermost-user-id"])
	}

	var health healthAnswer
	h.getJSON("/api/v1/health", &health)
	if health.UserID != nil {
		t.Fatalf("a request without a session must carry no user id, got %q", *health.UserID)
	}
}
