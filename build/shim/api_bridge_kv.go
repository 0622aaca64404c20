// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"

	"github.com/mattermost/mattermost/server/public/model"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

func (b *apiBridge) KVGet(ctx context.Context, req *bridgev1.KVGetRequest) (*bridgev1.KVGetResponse, error) {
	value, appErr := b.api.KVGet(req.Key)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	return &bridgev1.KVGetResponse{Found: value != nil, Value: value}, nil
}

func (b *apiBridge) KVSetWithOptions(ctx context.Context, req *bridgev1.KVSetWithOptionsRequest) (*bridgev1.KVSetWithOptionsResponse, error) {
	opts := model.PluginKVSetOptions{Atomic: req.Atomic, ExpireInSeconds: req.ExpireInSeconds}
	if req.Atomic {
		opts.OldValue = req.OldValue // nil means "only if the key does not exist"
	}
	written, appErr := b.api.KVSetWithOptions(req.Key, req.Value, opts)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	return &bridgev1.KVSetWithOptionsResponse{Written: written}, nil
}

func (b *apiBridge) KVDelete(ctx context.Context, req *bridgev1.KVDeleteRequest) (*bridgev1.KVDeleteResponse, error) {
	return &bridgev1.KVDeleteResponse{}, appError(ctx, b.api.KVDelete(req.Key))
}

func (b *apiBridge) KVList(ctx context.Context, req *bridgev1.KVListRequest) (*bridgev1.KVListResponse, error) {
	keys, appErr := b.api.KVList(int(req.Page), int(req.PerPage))
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	return &bridgev1.KVListResponse{Keys: keys}, nil
}
