// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/gob"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

const uploadBody = 200 << 20

// uploadSinkAPI stands in for Mattermost behind the two ways of storing a file. Each does what
// Mattermost's net/rpc client does in the shim's process, so the shim's memory is the real one:
// UploadFile gob-encodes the whole []byte argument before sending it (one more copy);
// UploadData serves the reader through a 32 KiB buffer (plugin/io_rpc.go serveIOReader).
type uploadSinkAPI struct{ plugin.API }

func (uploadSinkAPI) UploadFile(data []byte, _, _ string) (*model.FileInfo, *model.AppError) {
	if err := gob.NewEncoder(io.Discard).Encode(data); err != nil {
		return nil, model.NewAppError("UploadFile", "bench.encode", nil, err.Error(), http.StatusInternalServerError)
	}
	return &model.FileInfo{Id: model.NewId(), Size: int64(len(data))}, nil
}

func (uploadSinkAPI) CreateUploadSession(us *model.UploadSession) (*model.UploadSession, error) {
	us.CreateAt = model.GetMillis()
	us.Path = "bench/" + us.Id
	if err := us.IsValid(); err != nil {
		return nil, err
	}
	return us, nil
}

func (uploadSinkAPI) UploadData(_ *model.UploadSession, rd io.Reader) (*model.FileInfo, error) {
	n, err := io.CopyBuffer(io.Discard, rd, make([]byte, 32<<10))
	return &model.FileInfo{Id: model.NewId(), Size: n}, err
}

// pluginAPIClient serves the shim's Plugin API bridge on a unix socket, as the shim does for
// the sidecar, and returns a client of it.
func pluginAPIClient(b *testing.B, api plugin.API) bridgev1.PluginApiClient {
	sock := filepath.Join(b.TempDir(), "api.sock")
	lis, err := net.Listen("unix", sock)
	if err != nil {
		b.Fatal(err)
	}
	srv := grpc.NewServer(grpc.MaxRecvMsgSize(maxMessageSize), grpc.MaxSendMsgSize(maxMessageSize))
	bridgev1.RegisterPluginApiServer(srv, newAPIBridge(api, nil))
	go func() { _ = srv.Serve(lis) }()
	b.Cleanup(srv.Stop)
	conn, err := grpc.NewClient("unix://"+sock, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = conn.Close() })
	return bridgev1.NewPluginApiClient(conn)
}

// sendChunks streams size bytes in the sidecar's 256 KiB chunks.
func sendChunks(b *testing.B, size int, send func([]byte) error) {
	chunk := make([]byte, 256<<10)
	for i := range chunk {
		chunk[i] = byte(i*31 + 7)
	}
	for left := size; left > 0; left -= len(chunk) {
		if err := send(chunk[:min(left, len(chunk))]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUploadMemory stores a 200 MiB document through the shim both ways and reports the
// shim's peak Go heap: UploadFile (the whole []byte, as Mattermost's Plugin API takes it) and
// UploadData (an upload session fed from a stream, what PutFile uses). Run with -benchtime 1x.
func BenchmarkUploadMemory(b *testing.B) {
	b.Run("UploadFile", func(b *testing.B) {
		client := pluginAPIClient(b, uploadSinkAPI{})
		for range b.N {
			runtime.GC()
			stop := heapPeak()
			stream, err := client.UploadFile(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			if err := stream.Send(&bridgev1.UploadFileRequest{Part: &bridgev1.UploadFileRequest_Head{Head: &bridgev1.UploadFileHead{ChannelId: model.NewId(), Filename: "bench.docx"}}}); err != nil {
				b.Fatal(err)
			}
			sendChunks(b, uploadBody, func(c []byte) error {
				return stream.Send(&bridgev1.UploadFileRequest{Part: &bridgev1.UploadFileRequest_Chunk{Chunk: c}})
			})
			if _, err := stream.CloseAndRecv(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MiB")
		}
	})
	b.Run("UploadData", func(b *testing.B) {
		client := pluginAPIClient(b, uploadSinkAPI{})
		for range b.N {
			runtime.GC()
			stop := heapPeak()
			stream, err := client.UploadData(context.Background())
			if err != nil {
				b.Fatal(err)
			}
			head := &bridgev1.UploadDataHead{UserId: "nouser", ChannelId: model.NewId(), Filename: "bench.docx", FileSize: uploadBody}
			if err := stream.Send(&bridgev1.UploadDataRequest{Part: &bridgev1.UploadDataRequest_Head{Head: head}}); err != nil {
				b.Fatal(err)
			}
			sendChunks(b, uploadBody, func(c []byte) error {
				return stream.Send(&bridgev1.UploadDataRequest{Part: &bridgev1.UploadDataRequest_Chunk{Chunk: c}})
			})
			if _, err := stream.CloseAndRecv(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(stop())/(1<<20), "peak-heap-MiB")
		}
	})
}
