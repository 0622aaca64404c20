// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/mattermost/mattermost/server/public/plugin"
	"google.golang.org/grpc/status"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

func pushConfiguration(ctx context.Context, api plugin.API, hooks bridgev1.HooksClient) error {
	cfg, err := json.Marshal(api.GetPluginConfig())
	if err != nil {
		return err
	}
	_, err = hooks.OnConfigurationChange(ctx, &bridgev1.OnConfigurationChangeRequest{PluginConfigJson: cfg})
	return err
}

// configString reads a setting case-insensitively: Mattermost has stored plugin setting keys
// both lower-cased and as declared, depending on its version and on who saved them.
func configString(cfg map[string]any, key string) string {
	for k, v := range cfg {
		if strings.EqualFold(k, key) {
			if s, ok := v.(string); ok {
				return s
			}
		}
	}
	return ""
}

func grpcMessage(err error) string {
	if st, ok := status.FromError(err); ok {
		return st.Message()
	}
	return err.Error()
}
