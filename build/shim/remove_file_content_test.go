// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// fileInfoAPI answers GetFileInfo and GetFileInfos from a fixed set of FileInfos.
type fileInfoAPI struct {
	plugin.API
	infos []*model.FileInfo
}

func (f *fileInfoAPI) LogWarn(string, ...any) {}

func (f *fileInfoAPI) GetFileInfo(id string) (*model.FileInfo, *model.AppError) {
	for _, info := range f.infos {
		if info.Id == id {
			return info, nil
		}
	}
	return nil, model.NewAppError("GetFileInfo", "app.file_info.get.app_error", nil, "", http.StatusNotFound)
}

func (f *fileInfoAPI) GetFileInfos(page, perPage int, opt *model.GetFileInfosOptions) ([]*model.FileInfo, *model.AppError) {
	var out []*model.FileInfo
	for _, info := range f.infos {
		if info.ChannelId == opt.ChannelIds[0] && (opt.IncludeDeleted || info.DeleteAt == 0) {
			out = append(out, info)
		}
	}
	start := min(page*perPage, len(out))
	return out[start:min(start+perPage, len(out))], nil
}

// localStoreIn is the local driver over dir, as Mattermost's filestore package opens it.
func localStoreIn(t *testing.T, dir string) *fileStore {
	t.Helper()
	driver, directory := model.ImageDriverLocal, dir
	backend, err := openFileStore(&model.Config{FileSettings: model.FileSettings{DriverName: &driver, Directory: &directory}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return &fileStore{backend: backend}
}

func writeStored(t *testing.T, dir, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, path)), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, path), []byte("revision bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRemoveFileContentRemovesUnattachedBytesOnce(t *testing.T) {
	dir := t.TempDir()
	api := &fileInfoAPI{infos: []*model.FileInfo{
		{Id: "rev1", ChannelId: "c1", Path: "20260101/teams/noteam/channels/c1/users/nouser/u1/Plan.docx", PreviewPath: "20260101/p/Plan_preview.jpg"},
		{Id: "other", ChannelId: "c1", Path: "20260101/teams/noteam/channels/c1/users/nouser/u2/Plan.docx"},
	}}
	writeStored(t, dir, api.infos[0].Path)
	writeStored(t, dir, api.infos[1].Path)
	bridge := newAPIBridge(api, localStoreIn(t, dir))

	res, err := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: "rev1"})
	if err != nil {
		t.Fatal(err)
	}
	// The preview was never written: already gone counts as removed, and is not listed.
	if len(res.RemovedPaths) != 1 || res.RemovedPaths[0] != api.infos[0].Path {
		t.Fatalf("removed %v", res.RemovedPaths)
	}
	if _, err := os.Stat(filepath.Join(dir, api.infos[0].Path)); !os.IsNotExist(err) {
		t.Fatalf("the revision's bytes are still there: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, api.infos[1].Path)); err != nil {
		t.Fatalf("another file's bytes went too: %v", err)
	}
	again, err := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: "rev1"})
	if err != nil || len(again.RemovedPaths) != 0 {
		t.Fatalf("a second removal must succeed with nothing removed: %v %v", again, err)
	}
}

func TestRemoveFileContentKeepsWhatAPostOrAnotherFileShows(t *testing.T) {
	dir := t.TempDir()
	shared := "20260101/teams/noteam/channels/c1/users/nouser/u1/Plan.docx"
	api := &fileInfoAPI{infos: []*model.FileInfo{
		{Id: "attached", ChannelId: "c1", PostId: "post1", Path: "20260101/a/Shown.docx"},
		{Id: "copy", ChannelId: "c1", Path: shared},
		{Id: "shown", ChannelId: "c1", PostId: "post2", Path: shared},
		{Id: "deleted-original", ChannelId: "c1", PostId: "post3", DeleteAt: 1, Path: "20260101/d/Old.docx"},
		{Id: "copy-of-deleted", ChannelId: "c1", Path: "20260101/d/Old.docx"},
	}}
	for _, info := range api.infos {
		writeStored(t, dir, info.Path)
	}
	bridge := newAPIBridge(api, localStoreIn(t, dir))
	for _, id := range []string{"attached", "copy"} {
		_, err := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: id})
		if status.Code(err) != codes.FailedPrecondition {
			t.Fatalf("%s: want FailedPrecondition, got %v", id, err)
		}
	}
	for _, p := range []string{"20260101/a/Shown.docx", shared} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Fatalf("%s was removed: %v", p, err)
		}
	}
	// A soft-deleted FileInfo is shown nowhere: it does not keep the bytes of its copy.
	if _, err := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: "copy-of-deleted"}); err != nil {
		t.Fatal(err)
	}
	if _, err := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: "missing"}); status.Code(err) != codes.NotFound {
		t.Fatalf("a missing FileInfo: want NotFound, got %v", err)
	}
}

// A CopyFileInfos copy has no channel: the bytes it shares are looked for in the channel given.
func TestRemoveFileContentChecksACopyInTheGivenChannel(t *testing.T) {
	dir := t.TempDir()
	shared := "20260101/teams/noteam/channels/c1/users/nouser/u1/Plan.docx"
	api := &fileInfoAPI{infos: []*model.FileInfo{
		{Id: "copy", Path: shared},
		{Id: "shown", ChannelId: "c1", PostId: "post1", Path: shared},
		{Id: "lone-copy", Path: "20260101/d/Lone.docx"},
	}}
	for _, info := range api.infos {
		writeStored(t, dir, info.Path)
	}
	bridge := newAPIBridge(api, localStoreIn(t, dir))
	remove := func(id, channel string) error {
		_, err := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: id, ChannelId: channel})
		return err
	}
	if err := remove("copy", ""); status.Code(err) != codes.FailedPrecondition {
		t.Fatalf("no channel at all: want FailedPrecondition, got %v", err)
	}
	if err := remove("copy", "c1"); status.Code(err) != codes.FailedPrecondition {
		t.Fatalf("bytes a post in c1 shows: want FailedPrecondition, got %v", err)
	}
	if err := remove("lone-copy", "c1"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "20260101/d/Lone.docx")); !os.IsNotExist(err) {
		t.Fatalf("the lone copy's bytes must be gone: %v", err)
	}
}

func TestRemoveFileContentWithoutAStoreSaysWhy(t *testing.T) {
	driver := "ftp"
	_, err := openFileStore(&model.Config{FileSettings: model.FileSettings{DriverName: &driver}}, nil)
	if err == nil {
		t.Fatal("an unknown driver must not open")
	}
	bridge := newAPIBridge(&fileInfoAPI{}, &fileStore{reason: err.Error()})
	_, rpcErr := bridge.RemoveFileContent(context.Background(), &bridgev1.RemoveFileContentRequest{FileId: "rev1"})
	if status.Code(rpcErr) != codes.Unavailable {
		t.Fatalf("want Unavailable, got %v", rpcErr)
	}
}
