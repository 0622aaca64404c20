// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mattermost/mattermost/server/public/model"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

func (b *apiBridge) GetFileInfo(ctx context.Context, req *bridgev1.GetFileInfoRequest) (*bridgev1.GetFileInfoResponse, error) {
	info, appErr := b.api.GetFileInfo(req.FileId)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(info)
	return &bridgev1.GetFileInfoResponse{FileInfoJson: data}, err
}

func (b *apiBridge) GetFileInfos(ctx context.Context, req *bridgev1.GetFileInfosRequest) (*bridgev1.GetFileInfosResponse, error) {
	var opt model.GetFileInfosOptions
	if err := decode(req.OptionsJson, &opt); err != nil {
		return nil, err
	}
	infos, appErr := b.api.GetFileInfos(int(req.Page), int(req.PerPage), &opt)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	data, err := encode(infos)
	return &bridgev1.GetFileInfosResponse{FileInfosJson: data}, err
}

// fileChunkSize is the size of the messages a file goes to the sidecar in: fewer, larger
// messages cost the sidecar (grpc-js) less per byte.
const fileChunkSize = 1 << 20

// GetFile streams the bytes in chunks. Mattermost's Plugin API hands the whole file to the
// shim at once; this is the one copy the shim holds.
func (b *apiBridge) GetFile(req *bridgev1.GetFileRequest, stream bridgev1.PluginApi_GetFileServer) error {
	data, appErr := b.api.GetFile(req.FileId)
	if appErr != nil {
		return appError(stream.Context(), appErr)
	}
	for off := 0; off < len(data); off += fileChunkSize {
		end := min(off+fileChunkSize, len(data))
		if err := stream.Send(&bridgev1.GetFileResponse{Chunk: data[off:end]}); err != nil {
			return err
		}
	}
	return nil
}

func (b *apiBridge) UploadFile(stream bridgev1.PluginApi_UploadFileServer) error {
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	head := first.GetHead()
	if head == nil {
		return status.Error(codes.InvalidArgument, "UploadFile must start with a head")
	}
	var buf bytes.Buffer
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		buf.Write(msg.GetChunk())
	}
	info, appErr := b.api.UploadFile(buf.Bytes(), head.ChannelId, head.Filename)
	if appErr != nil {
		return appError(stream.Context(), appErr)
	}
	data, err := encode(info)
	if err != nil {
		return err
	}
	return stream.SendAndClose(&bridgev1.UploadFileResponse{FileInfoJson: data})
}

// UploadData streams the bytes through an upload session: the shim never holds the document.
func (b *apiBridge) UploadData(stream bridgev1.PluginApi_UploadDataServer) error {
	first, err := stream.Recv()
	if err != nil {
		return err
	}
	head := first.GetHead()
	if head == nil {
		return status.Error(codes.InvalidArgument, "UploadData must start with a head")
	}
	// Mattermost's REST handler gives each session its id; through the Plugin API the caller
	// must, or the session is refused as invalid.
	session, err := b.api.CreateUploadSession(&model.UploadSession{
		Id:        model.NewId(),
		Type:      model.UploadTypeAttachment,
		UserId:    head.UserId,
		ChannelId: head.ChannelId,
		Filename:  head.Filename,
		FileSize:  head.FileSize,
	})
	if err != nil {
		return plainError(err)
	}
	pr, pw := io.Pipe()
	go func() { pw.CloseWithError(receiveChunks(stream, pw, head.FileSize)) }()
	info, err := b.api.UploadData(session, pr)
	_ = pr.CloseWithError(io.ErrClosedPipe) // unblock the receiver if Mattermost stopped early
	if err != nil {
		return plainError(err)
	}
	if info == nil {
		return status.Error(codes.DataLoss, "the upload ended before all bytes arrived")
	}
	data, err := encode(info)
	if err != nil {
		return err
	}
	return stream.SendAndClose(&bridgev1.UploadDataResponse{FileInfoJson: data})
}

// receiveChunks copies the stream's chunks into w and fails unless exactly size bytes came.
func receiveChunks(stream bridgev1.PluginApi_UploadDataServer, w io.Writer, size int64) error {
	var total int64
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			if total != size {
				return fmt.Errorf("received %d bytes of %d", total, size)
			}
			return nil
		}
		if err != nil {
			return err
		}
		total += int64(len(msg.GetChunk()))
		if total > size {
			return fmt.Errorf("received more than the announced %d bytes", size)
		}
		if _, err := w.Write(msg.GetChunk()); err != nil {
			return err
		}
	}
}

func (b *apiBridge) SetFileSearchableContent(ctx context.Context, req *bridgev1.SetFileSearchableContentRequest) (*bridgev1.SetFileSearchableContentResponse, error) {
	return &bridgev1.SetFileSearchableContentResponse{}, appError(ctx, b.api.SetFileSearchableContent(req.FileId, req.Content))
}

func (b *apiBridge) CopyFileInfos(ctx context.Context, req *bridgev1.CopyFileInfosRequest) (*bridgev1.CopyFileInfosResponse, error) {
	ids, appErr := b.api.CopyFileInfos(req.UserId, req.FileIds)
	if appErr != nil {
		return nil, appError(ctx, appErr)
	}
	return &bridgev1.CopyFileInfosResponse{FileIds: ids}, nil
}
