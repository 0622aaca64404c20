// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/json"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// apiBridge serves the Plugin API to the sidecar. Each RPC is one call of the Mattermost
// method of the same name; no decisions are made here.
type apiBridge struct {
	bridgev1.UnimplementedPluginApiServer
	api plugin.API
	// store is Mattermost's file store opened by the shim (file_store.go); RemoveFileContent
	// needs it.
	store *fileStore
}

func newAPIBridge(api plugin.API, store *fileStore) *apiBridge {
	return &apiBridge{api: api, store: store}
}

func decode(data []byte, v any) error {
	if err := json.Unmarshal(data, v); err != nil {
		return status.Errorf(codes.InvalidArgument, "invalid JSON: %v", err)
	}
	return nil
}

func encode(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, status.Errorf(codes.Internal, "cannot encode: %v", err)
	}
	return data, nil
}

func (b *apiBridge) GetPluginConfig(context.Context, *bridgev1.GetPluginConfigRequest) (*bridgev1.GetPluginConfigResponse, error) {
	data, err := encode(b.api.GetPluginConfig())
	return &bridgev1.GetPluginConfigResponse{ConfigJson: data}, err
}

func (b *apiBridge) SavePluginConfig(ctx context.Context, req *bridgev1.SavePluginConfigRequest) (*bridgev1.SavePluginConfigResponse, error) {
	var cfg map[string]any
	if err := decode(req.ConfigJson, &cfg); err != nil {
		return nil, err
	}
	return &bridgev1.SavePluginConfigResponse{}, appError(ctx, b.api.SavePluginConfig(cfg))
}

// GetConfig is the sanitized config (never GetUnsanitizedConfig) without the file store's
// settings: see sidecarConfig.
func (b *apiBridge) GetConfig(context.Context, *bridgev1.GetConfigRequest) (*bridgev1.GetConfigResponse, error) {
	data, err := encode(sidecarConfig(b.api.GetConfig()))
	return &bridgev1.GetConfigResponse{ConfigJson: data}, err
}

func (b *apiBridge) GetServerVersion(context.Context, *bridgev1.GetServerVersionRequest) (*bridgev1.GetServerVersionResponse, error) {
	return &bridgev1.GetServerVersionResponse{Version: b.api.GetServerVersion()}, nil
}

func (b *apiBridge) GetBundlePath(context.Context, *bridgev1.GetBundlePathRequest) (*bridgev1.GetBundlePathResponse, error) {
	path, err := b.api.GetBundlePath()
	return &bridgev1.GetBundlePathResponse{Path: path}, plainError(err)
}

func (b *apiBridge) GetLicense(context.Context, *bridgev1.GetLicenseRequest) (*bridgev1.GetLicenseResponse, error) {
	license := b.api.GetLicense()
	if license == nil {
		return &bridgev1.GetLicenseResponse{}, nil
	}
	data, err := encode(license)
	return &bridgev1.GetLicenseResponse{LicenseJson: data}, err
}

func (b *apiBridge) GetPost(ctx context.Context, req *bridgev1.GetPostRequest) (*bridgev1.GetPostResponse, error) {
	post, appErr := b.api.GetPost(req.PostId)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(post)
	return &bridgev1.GetPostResponse{PostJson: data}, err
}

func (b *apiBridge) CreatePost(ctx context.Context, req *bridgev1.CreatePostRequest) (*bridgev1.CreatePostResponse, error) {
	var post model.Post
	if err := decode(req.PostJson, &post); err != nil {
		return nil, err
	}
	created, appErr := b.api.CreatePost(&post)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(created)
	return &bridgev1.CreatePostResponse{PostJson: data}, err
}

func (b *apiBridge) UpdatePost(ctx context.Context, req *bridgev1.UpdatePostRequest) (*bridgev1.UpdatePostResponse, error) {
	var post model.Post
	if err := decode(req.PostJson, &post); err != nil {
		return nil, err
	}
	updated, appErr := b.api.UpdatePost(&post)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(updated)
	return &bridgev1.UpdatePostResponse{PostJson: data}, err
}

func (b *apiBridge) SendEphemeralPost(_ context.Context, req *bridgev1.SendEphemeralPostRequest) (*bridgev1.SendEphemeralPostResponse, error) {
	var post model.Post
	if err := decode(req.PostJson, &post); err != nil {
		return nil, err
	}
	data, err := encode(b.api.SendEphemeralPost(req.UserId, &post))
	return &bridgev1.SendEphemeralPostResponse{PostJson: data}, err
}

func (b *apiBridge) GetUser(ctx context.Context, req *bridgev1.GetUserRequest) (*bridgev1.GetUserResponse, error) {
	user, appErr := b.api.GetUser(req.UserId)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(user)
	return &bridgev1.GetUserResponse{UserJson: data}, err
}

func (b *apiBridge) GetChannel(ctx context.Context, req *bridgev1.GetChannelRequest) (*bridgev1.GetChannelResponse, error) {
	channel, appErr := b.api.GetChannel(req.ChannelId)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(channel)
	return &bridgev1.GetChannelResponse{ChannelJson: data}, err
}

func (b *apiBridge) GetChannelMember(ctx context.Context, req *bridgev1.GetChannelMemberRequest) (*bridgev1.GetChannelMemberResponse, error) {
	member, appErr := b.api.GetChannelMember(req.ChannelId, req.UserId)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(member)
	return &bridgev1.GetChannelMemberResponse{ChannelMemberJson: data}, err
}

func (b *apiBridge) HasPermissionTo(_ context.Context, req *bridgev1.HasPermissionToRequest) (*bridgev1.HasPermissionToResponse, error) {
	return &bridgev1.HasPermissionToResponse{Allowed: b.api.HasPermissionTo(req.UserId, &model.Permission{Id: req.PermissionId})}, nil
}

func (b *apiBridge) HasPermissionToChannel(_ context.Context, req *bridgev1.HasPermissionToChannelRequest) (*bridgev1.HasPermissionToChannelResponse, error) {
	allowed := b.api.HasPermissionToChannel(req.UserId, req.ChannelId, &model.Permission{Id: req.PermissionId})
	return &bridgev1.HasPermissionToChannelResponse{Allowed: allowed}, nil
}

func (b *apiBridge) PublishWebSocketEvent(_ context.Context, req *bridgev1.PublishWebSocketEventRequest) (*bridgev1.PublishWebSocketEventResponse, error) {
	var payload map[string]any
	if err := decode(req.PayloadJson, &payload); err != nil {
		return nil, err
	}
	broadcast := &model.WebsocketBroadcast{}
	if bc := req.Broadcast; bc != nil {
		broadcast.UserId, broadcast.ChannelId, broadcast.TeamId = bc.UserId, bc.ChannelId, bc.TeamId
		if len(bc.OmitUserIds) > 0 {
			broadcast.OmitUsers = map[string]bool{}
			for _, id := range bc.OmitUserIds {
				broadcast.OmitUsers[id] = true
			}
		}
	}
	b.api.PublishWebSocketEvent(req.Event, payload, broadcast)
	return &bridgev1.PublishWebSocketEventResponse{}, nil
}

func (b *apiBridge) PublishPluginClusterEvent(_ context.Context, req *bridgev1.PublishPluginClusterEventRequest) (*bridgev1.PublishPluginClusterEventResponse, error) {
	sendType := model.PluginClusterEventSendTypeReliable
	if req.SendType == model.PluginClusterEventSendTypeBestEffort {
		sendType = model.PluginClusterEventSendTypeBestEffort
	}
	err := b.api.PublishPluginClusterEvent(model.PluginClusterEvent{Id: req.Id, Data: req.Data}, model.PluginClusterEventSendOptions{SendType: sendType})
	return &bridgev1.PublishPluginClusterEventResponse{}, plainError(err)
}

func (b *apiBridge) RegisterCommand(_ context.Context, req *bridgev1.RegisterCommandRequest) (*bridgev1.RegisterCommandResponse, error) {
	var cmd model.Command
	if err := decode(req.CommandJson, &cmd); err != nil {
		return nil, err
	}
	return &bridgev1.RegisterCommandResponse{}, plainError(b.api.RegisterCommand(&cmd))
}

func (b *apiBridge) Log(_ context.Context, req *bridgev1.LogRequest) (*bridgev1.LogResponse, error) {
	kv := make([]any, len(req.KeyValues))
	for i, v := range req.KeyValues {
		kv[i] = v
	}
	switch req.Level {
	case bridgev1.LogLevel_LOG_LEVEL_DEBUG:
		b.api.LogDebug(req.Message, kv...)
	case bridgev1.LogLevel_LOG_LEVEL_WARN:
		b.api.LogWarn(req.Message, kv...)
	case bridgev1.LogLevel_LOG_LEVEL_ERROR:
		b.api.LogError(req.Message, kv...)
	default:
		b.api.LogInfo(req.Message, kv...)
	}
	return &bridgev1.LogResponse{}, nil
}
