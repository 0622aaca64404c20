// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/plugin"
)

// harness runs the real shim with the real built sidecar behind an HTTP server that plays
// Mattermost's part of ServeHTTP (the prefix is already stripped, RequestURI kept).
type harness struct {
	t    testing.TB
	api  *fakeAPI
	shim *Shim
	srv  *httptest.Server
}

func startHarness(t testing.TB) *harness {
	t.Helper()
	return startHarnessWith(t, func(f *fakeAPI) plugin.API { return f })
}

// startHarnessWith lets a test add Plugin API methods to the fake (wrap embeds it).
func startHarnessWith(t testing.TB, wrap func(*fakeAPI) plugin.API) *harness {
	t.Helper()
	t.Setenv("COLLABORA_SIDECAR_TEST_ROUTES", "1")
	api := newFakeAPI(t)
	shim := NewShim()
	shim.SetAPI(wrap(api))
	if err := shim.OnActivate(); err != nil {
		t.Fatalf("OnActivate: %v\nlogs: %s", err, strings.Join(api.logLines(), "\n"))
	}
	h := &harness{t: t, api: api, shim: shim}
	h.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		shim.ServeHTTP(&plugin.Context{RequestId: "req", IPAddress: "127.0.0.9"}, w, r)
	}))
	t.Cleanup(func() {
		h.srv.Close()
		_ = shim.OnDeactivate()
	})
	return h
}

func (h *harness) get(path string) (*http.Response, []byte) {
	h.t.Helper()
	resp, err := http.Get(h.srv.URL + path)
	if err != nil {
		h.t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		h.t.Fatalf("GET %s body: %v", path, err)
	}
	return resp, body
}

func (h *harness) getJSON(path string, out any) {
	h.t.Helper()
	resp, body := h.get(path)
	if resp.StatusCode != http.StatusOK {
		h.t.Fatalf("GET %s: %d %s", path, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, out); err != nil {
		h.t.Fatalf("GET %s: %v in %s", path, err, body)
	}
}

// sinkAnswer is what the sidecar's body-taking test routes answer.
type sinkAnswer struct {
	Bytes  int64  `json:"bytes"`
	SHA256 string `json:"sha256"`
}

// postBody sends body (length -1: without Content-Length, chunked) to a route of the sidecar's
// app as application/octet-stream, with any extra headers, and decodes its JSON answer.
func (h *harness) postBody(path string, body io.Reader, length int64, extra http.Header) sinkAnswer {
	h.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+path, body)
	req.ContentLength = length
	for name, values := range extra {
		req.Header[name] = values
	}
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	var got sinkAnswer
	if err := decodeJSON(resp.Body, &got); err != nil {
		h.t.Fatalf("POST %s answered %d, not JSON: %v", path, resp.StatusCode, err)
	}
	return got
}

func (h *harness) sidecarPID() int {
	h.t.Helper()
	pid := h.shim.sidecar.pid()
	if pid == 0 {
		h.t.Fatal("the sidecar is not running")
	}
	return pid
}

// peakRSS is the process's high-water mark of resident memory, from /proc.
func peakRSS(t *testing.T, pid int) int64 {
	t.Helper()
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, err := strconv.ParseInt(strings.Fields(line)[1], 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb * 1024
		}
	}
	t.Fatal("no VmHWM in /proc status")
	return 0
}

func waitFor(t *testing.T, within time.Duration, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out after %s waiting for %s", within, what)
}
