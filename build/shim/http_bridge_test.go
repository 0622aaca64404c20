// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// Mattermost lets request heads of up to 1 MiB through; the app's parser takes 64 KiB and
// would close the connection mid-head on more. The shim refuses a head too large itself, with
// a 431 the client can read, and passes every head the app can take.
func TestHeadTooLargeForTheAppIsRefusedWith431(t *testing.T) {
	h := startHarness(t)
	pid := h.shim.sidecar.pid()
	send := func(headerBytes int) (int, string) {
		req, _ := http.NewRequest(http.MethodGet, h.srv.URL+"/api/v1/health", nil)
		req.Header.Set("X-Big", strings.Repeat("h", headerBytes))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	if status, body := send(40 << 10); status != http.StatusOK {
		t.Fatalf("a 40 KiB header: got %d %q, want 200 from the app", status, body)
	}
	for _, size := range []int{62 << 10, 100 << 10, 900 << 10} {
		if status, body := send(size); status != http.StatusRequestHeaderFieldsTooLarge || !strings.Contains(body, "too large") {
			t.Fatalf("a %d KiB header: got %d %q, want 431 with a message", size>>10, status, body)
		}
	}
	if h.shim.sidecar.pid() != pid {
		t.Fatal("the sidecar was restarted")
	}
}

// Node's parser drops the connection on a method it does not know; the shim answers 501 as
// the app answers a route it does not have.
func TestMethodNodeCannotParseGets501(t *testing.T) {
	h := startHarness(t)
	req, _ := http.NewRequest("FROB", h.srv.URL+"/api/v1/health", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusNotImplemented || !strings.Contains(string(body), "METHOD_NOT_SUPPORTED") {
		t.Fatalf("got %d %q, want 501 METHOD_NOT_SUPPORTED", resp.StatusCode, body)
	}
}

// The raw request URI travels URI-encoded; the app reverses it with JavaScript's
// decodeURIComponent, so the encoding must be JavaScript's encodeURIComponent (expected values
// printed by Node).
func TestEncodeURIComponentIsJavaScripts(t *testing.T) {
	for in, want := range map[string]string{
		"/plugins/x/wopi/files/abc?access_token=a.b-c_d~e&access_token_ttl=0": "%2Fplugins%2Fx%2Fwopi%2Ffiles%2Fabc%3Faccess_token%3Da.b-c_d~e%26access_token_ttl%3D0",
		"/p?q=a b+c&r=%2F": "%2Fp%3Fq%3Da%20b%2Bc%26r%3D%252F",
		"/é/ü?x=(1)*'!":    "%2F%C3%A9%2F%C3%BC%3Fx%3D(1)*'!",
		"/a#b?c=d;e,f$g@h": "%2Fa%23b%3Fc%3Dd%3Be%2Cf%24g%40h",
	} {
		if got := encodeURIComponent(in); got != want {
			t.Errorf("encodeURIComponent(%q) = %q, want %q", in, got, want)
		}
	}
}
