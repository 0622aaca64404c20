// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkBridgeRoundTrip is the cost of one ServeHTTP round trip through the shim and the
// sidecar's HTTP app on its unix socket (its health route), against a plain Go handler answering
// the same kind of JSON on the same kind of server. Run by `make bench`, never by `go test`.
func BenchmarkBridgeRoundTrip(b *testing.B) {
	b.Run("plain-go-handler", func(b *testing.B) {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			_, _ = w.Write([]byte(`{"status":"ok","version":"2.0.0","uptime":1,"user_id":null,"settings_hash":"0123456789ab"}`))
		}))
		defer srv.Close()
		benchmarkGets(b, srv.URL+"/api/v1/health")
	})
	b.Run("through-shim", func(b *testing.B) {
		h := startHarness(b)
		benchmarkGets(b, h.srv.URL+"/api/v1/health")
	})
}

// benchmarkGets times b.N sequential GETs on one keep-alive connection, after a warm-up.
func benchmarkGets(b *testing.B, url string) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	defer client.CloseIdleConnections()
	get := func() {
		resp, err := client.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("GET %s: %d", url, resp.StatusCode)
		}
	}
	for range 50 {
		get()
	}
	b.ResetTimer()
	for range b.N {
		get()
	}
}
