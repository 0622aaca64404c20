// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"google.golang.org/grpc"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// uploadAPI checks upload sessions the way Mattermost's app.CreateUploadSession does
// (UploadSession.IsValid) and keeps the uploaded bytes.
type uploadAPI struct {
	fakeAPI
	received []byte
}

func (u *uploadAPI) CreateUploadSession(us *model.UploadSession) (*model.UploadSession, error) {
	us.FileOffset = 0
	us.CreateAt = model.GetMillis()
	us.Path = "20260101/teams/noteam/channels/" + us.ChannelId + "/users/" + us.UserId + "/" + us.Id + "/" + us.Filename
	if err := us.IsValid(); err != nil {
		return nil, err
	}
	return us, nil
}

func (u *uploadAPI) UploadData(us *model.UploadSession, r io.Reader) (*model.FileInfo, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	u.received = data
	return &model.FileInfo{Id: model.NewId(), Name: us.Filename, Size: int64(len(data))}, nil
}

// uploadStream is the sidecar's side of one UploadData call.
type uploadStream struct {
	grpc.ServerStream
	parts []*bridgev1.UploadDataRequest
	reply *bridgev1.UploadDataResponse
}

func (s *uploadStream) Recv() (*bridgev1.UploadDataRequest, error) {
	if len(s.parts) == 0 {
		return nil, io.EOF
	}
	next := s.parts[0]
	s.parts = s.parts[1:]
	return next, nil
}

func (s *uploadStream) SendAndClose(r *bridgev1.UploadDataResponse) error {
	s.reply = r
	return nil
}

func TestUploadDataCreatesASessionMattermostAccepts(t *testing.T) {
	api := &uploadAPI{}
	stream := &uploadStream{parts: []*bridgev1.UploadDataRequest{
		{Part: &bridgev1.UploadDataRequest_Head{Head: &bridgev1.UploadDataHead{UserId: "nouser", ChannelId: model.NewId(), Filename: "a.docx", FileSize: 3}}},
		{Part: &bridgev1.UploadDataRequest_Chunk{Chunk: []byte("abc")}},
	}}
	if err := newAPIBridge(api, nil).UploadData(stream); err != nil {
		t.Fatalf("UploadData: %v", err)
	}
	if string(api.received) != "abc" || stream.reply == nil {
		t.Fatalf("uploaded %q, reply %v", api.received, stream.reply)
	}
}
