// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// fileInfosAPI answers GetFileInfos only, recording what the bridge passed on.
type fileInfosAPI struct {
	plugin.API
	page, perPage int
	opt           *model.GetFileInfosOptions
	infos         []*model.FileInfo
	appErr        *model.AppError
}

func (f *fileInfosAPI) GetFileInfos(page, perPage int, opt *model.GetFileInfosOptions) ([]*model.FileInfo, *model.AppError) {
	f.page, f.perPage, f.opt = page, perPage, opt
	return f.infos, f.appErr
}

func TestGetFileInfosPassesOptionsAndAnswersJSON(t *testing.T) {
	api := &fileInfosAPI{infos: []*model.FileInfo{{Id: "f1", Name: "Plan.docx", ChannelId: "c1"}}}
	res, err := newAPIBridge(api, nil).GetFileInfos(context.Background(), &bridgev1.GetFileInfosRequest{
		Page: 2, PerPage: 50,
		OptionsJson: []byte(`{"channel_ids":["c1"],"sort_by":"CreateAt","sort_descending":true}`),
	})
	if err != nil {
		t.Fatal(err)
	}
	if api.page != 2 || api.perPage != 50 || len(api.opt.ChannelIds) != 1 || api.opt.ChannelIds[0] != "c1" || api.opt.SortBy != "CreateAt" || !api.opt.SortDescending {
		t.Fatalf("Mattermost got page=%d perPage=%d options=%+v", api.page, api.perPage, api.opt)
	}
	var infos []model.FileInfo
	if err := json.Unmarshal(res.FileInfosJson, &infos); err != nil || len(infos) != 1 || infos[0].Name != "Plan.docx" {
		t.Fatalf("answer %s (%v)", res.FileInfosJson, err)
	}
}

func TestGetFileInfosRefusesBadOptionsAndCarriesAppErrors(t *testing.T) {
	api := &fileInfosAPI{}
	if _, err := newAPIBridge(api, nil).GetFileInfos(context.Background(), &bridgev1.GetFileInfosRequest{OptionsJson: []byte(`{`)}); err == nil {
		t.Fatal("invalid options JSON was accepted")
	}
	api.appErr = model.NewAppError("GetFileInfos", "app.file_info.get_with_options.app_error", nil, "", http.StatusInternalServerError)
	if _, err := newAPIBridge(api, nil).GetFileInfos(context.Background(), &bridgev1.GetFileInfosRequest{OptionsJson: []byte(`{}`)}); err == nil {
		t.Fatal("the AppError was lost")
	}
}
