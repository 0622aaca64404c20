// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

type copyFileInfosAPI struct {
	fakeAPI
	gotUser string
	gotIDs  []string
}

func (c *copyFileInfosAPI) CopyFileInfos(userID string, fileIDs []string) ([]string, *model.AppError) {
	c.gotUser, c.gotIDs = userID, fileIDs
	if len(fileIDs) == 1 && fileIDs[0] == "gone" {
		return nil, model.NewAppError("CopyFileInfos", "app.file_info.get.app_error", nil, "", http.StatusNotFound)
	}
	return []string{"copy-of-" + fileIDs[0]}, nil
}

func TestCopyFileInfosIsOneCallOfTheMattermostMethod(t *testing.T) {
	api := &copyFileInfosAPI{}
	bridge := newAPIBridge(api, nil)
	res, err := bridge.CopyFileInfos(context.Background(), &bridgev1.CopyFileInfosRequest{UserId: "nouser", FileIds: []string{"f1"}})
	if err != nil {
		t.Fatal(err)
	}
	if api.gotUser != "nouser" || len(api.gotIDs) != 1 || api.gotIDs[0] != "f1" || len(res.FileIds) != 1 || res.FileIds[0] != "copy-of-f1" {
		t.Fatalf("got user %q ids %v -> %v", api.gotUser, api.gotIDs, res.FileIds)
	}
	if _, err := bridge.CopyFileInfos(context.Background(), &bridgev1.CopyFileInfosRequest{UserId: "nouser", FileIds: []string{"gone"}}); err == nil {
		t.Fatal("a missing file must come back as an error")
	}
}
