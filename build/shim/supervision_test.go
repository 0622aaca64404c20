// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestKilledSidecarGives503ThenIsRestarted(t *testing.T) {
	h := startHarness(t)
	pid := h.sidecarPID()
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 2*time.Second, "Node to die", func() bool { return !processAlive(pid) })
	resp, body := h.get("/api/v1/health")
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("while the sidecar is down: %d Retry-After=%q %s", resp.StatusCode, resp.Header.Get("Retry-After"), body)
	}
	start := time.Now()
	waitFor(t, 10*time.Second, "the sidecar to serve again", func() bool {
		resp, _ := h.get("/api/v1/health")
		return resp.StatusCode == http.StatusOK
	})
	t.Logf("serving again %s after the kill was noticed", time.Since(start).Round(time.Millisecond))
	if h.sidecarPID() == pid {
		t.Fatal("the same process id serves: it was not restarted")
	}
}

func TestSidecarStartupIsMeasured(t *testing.T) {
	h := startHarness(t)
	proc := h.shim.sidecar.proc
	if proc == nil || proc.startup <= 0 || proc.startup > readyTimeout {
		t.Fatalf("startup not measured: %+v", proc)
	}
	t.Logf("sidecar start (exec to OnActivate done): %s", proc.startup.Round(time.Millisecond))
}

func TestMissingNodeFailsActivationWithAnAdminMessage(t *testing.T) {
	api := newFakeAPI(t)
	api.setConfig("NodePath", "/nonexistent/node")
	t.Setenv("PATH", t.TempDir())
	shim := NewShim()
	shim.SetAPI(api)
	err := shim.OnActivate()
	if err == nil {
		_ = shim.OnDeactivate()
		t.Fatal("activation succeeded without a Node runtime")
	}
	msg := err.Error()
	for _, want := range []string{"Node.js", "System Console", "Node.js executable"} {
		if !strings.Contains(msg, want) {
			t.Fatalf("activation error %q does not tell the admin what to do (missing %q)", msg, want)
		}
	}
}

func TestTooOldNodeFailsActivation(t *testing.T) {
	api := newFakeAPI(t)
	fake := t.TempDir() + "/node"
	writeExecutable(t, fake, "#!/bin/sh\necho v16.20.2\n")
	api.setConfig("NodePath", fake)
	t.Setenv("PATH", t.TempDir())
	shim := NewShim()
	shim.SetAPI(api)
	err := shim.OnActivate()
	if err == nil {
		_ = shim.OnDeactivate()
		t.Fatal("activation succeeded with Node 16")
	}
	if !strings.Contains(err.Error(), "Node.js 16") || !strings.Contains(err.Error(), "20 or later") {
		t.Fatalf("activation error %q does not say the version is too old", err)
	}
}

// On a server older than the manifest's min_server_version the sidecar refuses OnActivate: the
// admin gets its message (Mattermost shows it in the System Console) and nothing restarts.
func TestTooOldMattermostFailsActivationOnce(t *testing.T) {
	api := newFakeAPI(t)
	api.serverVersion = "10.5.0"
	shim := NewShim()
	shim.SetAPI(api)
	err := shim.OnActivate()
	if err == nil {
		_ = shim.OnDeactivate()
		t.Fatal("activation succeeded on Mattermost 10.5.0")
	}
	if !strings.Contains(err.Error(), "runs 10.5.0") || !strings.Contains(err.Error(), "or later") {
		t.Fatalf("activation error %q does not say the server is too old", err)
	}
	time.Sleep(2 * minBackoff)
	for _, line := range api.logLines() {
		if strings.Contains(line, "restarting") || strings.Contains(line, "running again") {
			t.Fatalf("the sidecar was restarted after a refused activation: %s", line)
		}
	}
}
