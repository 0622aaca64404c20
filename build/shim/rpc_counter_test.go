// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/mattermost/mattermost/server/public/plugin"
)

// rpcCounter counts the calls that are each one net/rpc round trip between the shim and
// Mattermost in production (plugin/http.go, plugin/io_rpc.go): Write on the response (two
// round trips: SyncHeader, Write), Flush (one), and Read on the request body (one).
type rpcCounter struct {
	writes, flushes, reads atomic.Int64
}

type countingWriter struct {
	http.ResponseWriter
	c *rpcCounter
}

func (w countingWriter) Write(b []byte) (int, error) {
	w.c.writes.Add(1)
	return w.ResponseWriter.Write(b)
}

func (w countingWriter) Flush() {
	w.c.flushes.Add(1)
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

type countingBody struct {
	io.ReadCloser
	c *rpcCounter
}

func (r countingBody) Read(b []byte) (int, error) {
	r.c.reads.Add(1)
	return r.ReadCloser.Read(b)
}

// countingServer serves the harness's shim like startHarness does, counting the calls above.
func countingServer(b testing.TB, h *harness) (*httptest.Server, *rpcCounter) {
	c := &rpcCounter{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = countingBody{r.Body, c}
		h.shim.ServeHTTP(&plugin.Context{RequestId: "req"}, countingWriter{w, c}, r)
	}))
	b.Cleanup(srv.Close)
	return srv, c
}
