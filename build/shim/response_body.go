// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"net/http"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// responseBufferSize is the most body the shim gathers before one Write to Mattermost. Behind
// Mattermost each Write is two net/rpc round trips (SyncHeader, Write) and each Flush one
// (plugin/http.go), so writing every 64 KiB chunk and flushing it made a 100 MiB download cost
// about 4,800 round trips.
const responseBufferSize = 1 << 20

// pendingChunks is how many body chunks may wait between the gRPC stream and Mattermost.
const pendingChunks = 32

// writeResponseBody copies the body chunks of the sidecar's answer to w, gathered into Writes of
// up to responseBufferSize. A body of announced length (a file) is written only when the
// buffer is full and at its end. A body of unknown length may be a stream (a few bytes now and
// then): as soon as no chunk is waiting, what was gathered is written and flushed, so it
// reaches the client at once. It returns false when writing failed (the client went away); a
// failed stream just ends the body, which the client sees as short.
func writeResponseBody(ctx context.Context, stream bridgev1.Hooks_ServeHTTPClient, w http.ResponseWriter, sized bool) bool {
	chunks := make(chan []byte, pendingChunks)
	go func() {
		defer close(chunks)
		for {
			msg, err := stream.Recv()
			if err != nil {
				return
			}
			select {
			case chunks <- msg.GetBodyChunk():
			case <-ctx.Done():
				return
			}
		}
	}()
	flusher, _ := w.(http.Flusher)
	buf := make([]byte, 0, responseBufferSize)
	write := func() bool {
		if len(buf) == 0 {
			return true
		}
		_, err := w.Write(buf)
		buf = buf[:0]
		return err == nil
	}
	for chunk := range chunks {
		if len(buf)+len(chunk) > cap(buf) && !write() {
			return false
		}
		buf = append(buf, chunk...)
		if !sized && len(chunks) == 0 {
			if !write() {
				return false
			}
			if flusher != nil {
				flusher.Flush()
			}
		}
	}
	return write()
}
