// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"

	"github.com/mattermost/mattermost/server/public/model"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// Finding people for @mentions in documents: by username, and by the search Mattermost's own
// user autocomplete runs (a term within one channel's members).

func (b *apiBridge) GetUserByUsername(ctx context.Context, req *bridgev1.GetUserByUsernameRequest) (*bridgev1.GetUserByUsernameResponse, error) {
	user, appErr := b.api.GetUserByUsername(req.Username)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(user)
	return &bridgev1.GetUserByUsernameResponse{UserJson: data}, err
}

func (b *apiBridge) SearchUsers(ctx context.Context, req *bridgev1.SearchUsersRequest) (*bridgev1.SearchUsersResponse, error) {
	var search model.UserSearch
	if err := decode(req.SearchJson, &search); err != nil {
		return nil, err
	}
	users, appErr := b.api.SearchUsers(&search)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	if users == nil {
		users = []*model.User{}
	}
	data, err := encode(users)
	return &bridgev1.SearchUsersResponse{UsersJson: data}, err
}
