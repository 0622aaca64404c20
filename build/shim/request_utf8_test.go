// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bufio"
	"net"
	"net/http"
	"net/url"
	"testing"
)

// rawStatus sends a hand-written request (bytes Go's client would not send) and returns the status.
func rawStatus(t *testing.T, h *harness, request string) int {
	t.Helper()
	u, _ := url.Parse(h.srv.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte(request)); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode
}

// A header value that is not UTF-8 reaches the sidecar (made valid), instead of a 503 that says
// the sidecar is down; a request URI that is not UTF-8 is a plain 400.
func TestRequestsWithBytesThatAreNotUTF8(t *testing.T) {
	h := startHarness(t)
	if got := rawStatus(t, h, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-WOPI-Lock: lock\xff\xfe\x80\r\nConnection: close\r\n\r\n"); got != http.StatusOK {
		t.Fatalf("header value not UTF-8: got %d, want 200 from the sidecar", got)
	}
	if got := rawStatus(t, h, "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-WOPI-RequestedName: Caf\xc3\xa9 \xe2\x82\xac\r\nConnection: close\r\n\r\n"); got != http.StatusOK {
		t.Fatalf("UTF-8 header value beyond latin1: got %d, want 200 from the sidecar", got)
	}
	if got := rawStatus(t, h, "GET /api/v1/health?x=\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"); got != http.StatusBadRequest {
		t.Fatalf("request URI not UTF-8: got %d, want 400", got)
	}
}
