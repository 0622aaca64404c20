// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/mattermost/mattermost/server/public/plugin"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// serveHTTP streams one request to the sidecar and its response back, both ways in chunks.
// When the client goes away (a failed write or a short body), the sidecar's work is cancelled.
func serveHTTP(client bridgev1.HooksClient, c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	stream, err := client.ServeHTTP(ctx)
	if err != nil {
		writeUnavailable(w)
		return
	}
	if err := stream.Send(&bridgev1.ServeHTTPRequest{Part: &bridgev1.ServeHTTPRequest_Head{Head: requestHead(c, r)}}); err != nil {
		writeUnavailable(w)
		return
	}
	go sendBody(stream, r, cancel)

	first, err := stream.Recv()
	if err != nil {
		if ctx.Err() == nil {
			writeUnavailable(w)
		}
		return
	}
	head := first.GetHead()
	if head == nil {
		http.Error(w, "the sidecar answered without a response head", http.StatusBadGateway)
		return
	}
	for _, h := range head.Headers {
		w.Header()[http.CanonicalHeaderKey(h.Name)] = h.Values
	}
	w.WriteHeader(int(head.StatusCode))
	if !writeResponseBody(ctx, stream, w, w.Header().Get("Content-Length") != "") {
		cancel()
	}
}

// announcedLength is the body length the client announced, or -1 when it announced none.
// Mattermost's plugin RPC rebuilds the request without ContentLength (HTTPRequestSubset), so a
// plugin always sees 0 there: the Content-Length header is what the client really sent.
func announcedLength(r *http.Request) int64 {
	if v := r.Header.Get("Content-Length"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
			return n
		}
	}
	if r.ContentLength > 0 {
		return r.ContentLength
	}
	return -1
}

// requestChunkSize is the largest request body message sent to the sidecar; each is filled
// before it goes. grpc-js spends about the same per message whatever its size, and with 64 KiB
// messages the sidecar was what held every upload back (bench/RESULTS.md).
const requestChunkSize = 1 << 20

// requestBuffer is sized for the body announced, so small requests do not hold 1 MiB each.
func requestBuffer(expected int64) []byte {
	if expected >= 0 && expected < requestChunkSize {
		return make([]byte, max(expected, 512))
	}
	return make([]byte, requestChunkSize)
}

func sendBody(stream bridgev1.Hooks_ServeHTTPClient, r *http.Request, cancel context.CancelFunc) {
	var total int64
	expected := announcedLength(r)
	buf := requestBuffer(expected)
	for {
		n, err := io.ReadFull(r.Body, buf)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF // the last, partly filled message
		}
		if n > 0 {
			total += int64(n)
			// Send serialises the message before returning, so buf can be reused.
			if sendErr := stream.Send(&bridgev1.ServeHTTPRequest{Part: &bridgev1.ServeHTTPRequest_BodyChunk{BodyChunk: buf[:n]}}); sendErr != nil {
				return
			}
		}
		if errors.Is(err, io.EOF) {
			// A body shorter than announced means the client went away mid-upload: cancel,
			// so that a truncated document is never taken for a complete one.
			if expected >= 0 && total != expected {
				cancel()
				return
			}
			_ = stream.CloseSend()
			return
		}
		if err != nil {
			cancel()
			return
		}
	}
}

func requestHead(c *plugin.Context, r *http.Request) *bridgev1.HTTPRequestHead {
	headers := make([]*bridgev1.Header, 0, len(r.Header))
	for name, values := range r.Header {
		headers = append(headers, &bridgev1.Header{Name: name, Values: values})
	}
	path := r.URL.EscapedPath()
	if r.URL.RawQuery != "" {
		path += "?" + r.URL.RawQuery
	}
	return &bridgev1.HTTPRequestHead{
		Method:        r.Method,
		RequestUri:    r.RequestURI,
		Path:          path,
		Headers:       headers,
		Host:          r.Host,
		RemoteAddr:    r.RemoteAddr,
		Context:       toPluginContext(c),
		ContentLength: announcedLength(r),
	}
}
