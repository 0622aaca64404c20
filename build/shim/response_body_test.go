// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"net/http"
	"strconv"
	"testing"
)

// Behind Mattermost every Write to the response is two RPC round trips and every Flush one: a
// body of known length goes out in writes of bodyChunkSize, never flushed chunk by chunk.
func TestSizedResponseGoesOutInLargeWrites(t *testing.T) {
	h := startHarness(t)
	srv, calls := countingServer(t, h)
	const size = 16 << 20
	resp, err := http.Get(srv.URL + "/api/v1/test/source?bytes=" + strconv.Itoa(size))
	if err != nil {
		t.Fatal(err)
	}
	n, err := io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if err != nil || n != size {
		t.Fatalf("received %d bytes (%v), want %d", n, err, size)
	}
	if w, f := calls.writes.Load(), calls.flushes.Load(); w > size/bodyChunkSize+1 || f != 0 {
		t.Fatalf("%d writes and %d flushes for %d MiB, want at most %d writes and no flush", w, f, size>>20, size/bodyChunkSize+1)
	}
}
