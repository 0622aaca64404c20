// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// hookTimeout bounds every forwarded hook: Mattermost puts no deadline on hook calls, and a
// hung sidecar must not hang whatever Mattermost code path called the hook.
const hookTimeout = 30 * time.Second

// Shim implements exactly the hooks the product uses. Mattermost finds hooks by reflection, and
// every implemented hook costs a round trip through Node on each matching event.
type Shim struct {
	plugin.MattermostPlugin
	sidecar *Sidecar
}

func NewShim() *Shim {
	return &Shim{}
}

func (s *Shim) OnActivate() error {
	if s.sidecar == nil {
		sc, err := NewSidecar(s.API)
		if err != nil {
			return err
		}
		s.sidecar = sc
	}
	return s.sidecar.Start()
}

func (s *Shim) OnDeactivate() error {
	if s.sidecar == nil {
		return nil
	}
	s.sidecar.Stop()
	s.sidecar = nil
	return nil
}

// OnConfigurationChange is called once before OnActivate (before the sidecar exists); the
// sidecar reads the configuration itself whenever it (re)starts, so nothing is lost. Mattermost
// calls it for its own configuration changes too: the file store is opened again from them.
func (s *Shim) OnConfigurationChange() error {
	if s.sidecar != nil {
		s.sidecar.store.rebuild()
	}
	if s.sidecar == nil || !s.sidecar.Ready() {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), hookTimeout)
	defer cancel()
	return s.sidecar.PushConfiguration(ctx)
}

func (s *Shim) ServeHTTP(c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	if s.sidecar == nil || !s.sidecar.Ready() {
		writeUnavailable(w)
		return
	}
	r, ok := validUTF8Request(r)
	if !ok {
		writeBadRequestURI(w)
		return
	}
	serveHTTP(s.sidecar.app, s.API, s.sidecar.store, c, w, r)
}

func (s *Shim) ExecuteCommand(c *plugin.Context, args *model.CommandArgs) (*model.CommandResponse, *model.AppError) {
	client := s.hooks()
	if client == nil {
		return nil, model.NewAppError("ExecuteCommand", "plugin.collabora.unavailable", nil, "Collabora Online is restarting, try again in a few seconds.", http.StatusServiceUnavailable)
	}
	argsJSON, err := json.Marshal(args)
	if err != nil {
		return nil, model.NewAppError("ExecuteCommand", "plugin.collabora.args", nil, err.Error(), http.StatusBadRequest)
	}
	ctx, cancel := context.WithTimeout(context.Background(), hookTimeout)
	defer cancel()
	resp, err := client.ExecuteCommand(ctx, &bridgev1.ExecuteCommandRequest{Context: toPluginContext(c), ArgsJson: argsJSON})
	if err != nil {
		return nil, model.NewAppError("ExecuteCommand", "plugin.collabora.command_failed", nil, err.Error(), http.StatusInternalServerError)
	}
	if resp.ErrorMessage != "" {
		return nil, model.NewAppError("ExecuteCommand", "plugin.collabora.command_error", nil, resp.ErrorMessage, http.StatusBadRequest)
	}
	var out model.CommandResponse
	if err := json.Unmarshal(resp.ResponseJson, &out); err != nil {
		return nil, model.NewAppError("ExecuteCommand", "plugin.collabora.command_response", nil, err.Error(), http.StatusInternalServerError)
	}
	return &out, nil
}

func (s *Shim) OnPluginClusterEvent(c *plugin.Context, ev model.PluginClusterEvent) {
	client := s.hooks()
	if client == nil {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), hookTimeout)
	defer cancel()
	if _, err := client.OnPluginClusterEvent(ctx, &bridgev1.OnPluginClusterEventRequest{Id: ev.Id, Data: ev.Data}); err != nil {
		s.API.LogWarn("Cluster event not delivered to the sidecar", "event", ev.Id, "error", err.Error())
	}
}

// hooks returns the sidecar's Hooks client, or nil while the sidecar is down.
func (s *Shim) hooks() bridgev1.HooksClient {
	if s.sidecar == nil {
		return nil
	}
	return s.sidecar.Hooks()
}

func writeUnavailable(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "5")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	fmt.Fprintln(w, "Collabora Online for Mattermost is starting or restarting. Try again in a few seconds.")
}

func toPluginContext(c *plugin.Context) *bridgev1.PluginContext {
	if c == nil {
		return &bridgev1.PluginContext{}
	}
	return &bridgev1.PluginContext{
		SessionId:      c.SessionId,
		RequestId:      c.RequestId,
		IpAddress:      c.IPAddress,
		AcceptLanguage: c.AcceptLanguage,
		UserAgent:      c.UserAgent,
	}
}
