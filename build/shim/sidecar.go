// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mattermost/mattermost/server/public/plugin"
	"google.golang.org/grpc"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

const (
	// readyTimeout bounds one start of the sidecar, from exec to a Health answer.
	readyTimeout = 20 * time.Second
	// Health checks: a sidecar that misses healthFailures checks in a row is killed and restarted.
	healthInterval = 5 * time.Second
	healthTimeout  = 3 * time.Second
	healthFailures = 3
	// Restart backoff doubles from minBackoff to maxBackoff and resets after a stable run.
	minBackoff   = 250 * time.Millisecond
	maxBackoff   = 10 * time.Second
	stableRunFor = time.Minute
)

// Sidecar runs the Node process, keeps it alive and hands out its Hooks client while it is up.
type Sidecar struct {
	api        plugin.API
	nodePath   string
	scriptPath string
	dir        string // private socket directory, mode 0700
	apiServer  *grpc.Server
	logs       *logForwarder
	// app reaches the sidecar's HTTP app (http.sock) for ServeHTTP.
	app *http.Transport
	// store is Mattermost's file store, opened by the shim (file_store.go).
	store *fileStore

	mu       sync.Mutex
	proc     *sidecarProcess // nil while down
	stopping bool
	stopped  chan struct{}
}

func NewSidecar(api plugin.API) (*Sidecar, error) {
	bundlePath, err := api.GetBundlePath()
	if err != nil {
		return nil, fmt.Errorf("cannot find the plugin bundle: %w", err)
	}
	nodePath, err := findNode(bundlePath, configString(api.GetPluginConfig(), "NodePath"))
	if err != nil {
		return nil, err
	}
	script := filepath.Join(bundlePath, "server-ts", "dist", "main.js")
	if _, err := os.Stat(script); err != nil {
		return nil, fmt.Errorf("the plugin bundle is incomplete (%s is missing): upload the bundle again", script)
	}
	return &Sidecar{api: api, nodePath: nodePath, scriptPath: script, logs: newLogForwarder(api), store: newFileStore(api), stopped: make(chan struct{})}, nil
}

// Start serves the Plugin API, starts Node and waits for its first OnActivate, so that an
// admin sees why activation failed. Later crashes are handled by supervise.
func (s *Sidecar) Start() error {
	dir, err := os.MkdirTemp("", "collabora-mm-")
	if err == nil {
		err = os.Chmod(dir, 0o700)
	}
	if err != nil {
		return fmt.Errorf("cannot create the sidecar's socket directory: %w", err)
	}
	s.dir = dir
	s.app = newAppTransport(filepath.Join(dir, "http.sock"))
	lis, err := net.Listen("unix", filepath.Join(dir, "api.sock"))
	if err != nil {
		return fmt.Errorf("cannot listen for the sidecar: %w", err)
	}
	s.apiServer = grpc.NewServer(grpc.MaxRecvMsgSize(maxMessageSize), grpc.MaxSendMsgSize(maxMessageSize))
	bridgev1.RegisterPluginApiServer(s.apiServer, newAPIBridge(s.api, s.store))
	go func() { _ = s.apiServer.Serve(lis) }()

	proc, err := s.startProcess()
	if err != nil {
		s.cleanup()
		return err
	}
	s.setProc(proc)
	go s.supervise(proc)
	return nil
}

// Hooks returns the client of the running sidecar, or nil while it is down.
func (s *Sidecar) Hooks() bridgev1.HooksClient {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc == nil {
		return nil
	}
	return s.proc.hooks
}

func (s *Sidecar) Ready() bool { return s.Hooks() != nil }

// PushConfiguration sends the plugin's current settings to the sidecar.
func (s *Sidecar) PushConfiguration(ctx context.Context) error {
	client := s.Hooks()
	if client == nil {
		return errors.New("the sidecar is not running")
	}
	return pushConfiguration(ctx, s.api, client)
}

// Stop lets the sidecar finish (OnDeactivate), then ends it and the Plugin API server.
func (s *Sidecar) Stop() {
	s.mu.Lock()
	s.stopping = true
	proc := s.proc
	s.proc = nil
	s.mu.Unlock()
	if proc != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, _ = proc.hooks.OnDeactivate(ctx, &bridgev1.OnDeactivateRequest{})
		cancel()
		proc.terminate(3 * time.Second)
	}
	close(s.stopped)
	s.cleanup()
}

func (s *Sidecar) cleanup() {
	if s.apiServer != nil {
		s.apiServer.Stop()
	}
	if s.dir != "" {
		_ = os.RemoveAll(s.dir)
	}
}

func (s *Sidecar) setProc(p *sidecarProcess) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.proc = p
}

func (s *Sidecar) isStopping() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}

// startProcess starts Node and waits until it answers Health, has the configuration and has
// run its OnActivate.
func (s *Sidecar) startProcess() (*sidecarProcess, error) {
	started := time.Now()
	proc, err := spawnSidecar(s.nodePath, s.scriptPath, s.dir, s.logs)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), readyTimeout)
	defer cancel()
	if err := proc.waitHealthy(ctx); err != nil {
		proc.terminate(time.Second)
		return nil, fmt.Errorf("the Node sidecar did not start: %v. Its last output: %s", err, strings.Join(s.logs.lastErrors(), " | "))
	}
	if err := pushConfiguration(ctx, s.api, proc.hooks); err != nil {
		proc.terminate(time.Second)
		return nil, fmt.Errorf("the Node sidecar refused its configuration: %w", err)
	}
	if _, err := proc.hooks.OnActivate(ctx, &bridgev1.OnActivateRequest{ServerVersion: s.api.GetServerVersion()}); err != nil {
		proc.terminate(time.Second)
		return nil, fmt.Errorf("the Node sidecar failed to activate: %s", grpcMessage(err))
	}
	proc.startup = time.Since(started)
	s.api.LogInfo("The Collabora Node sidecar is ready", "startup", proc.startup.String(), "node", s.nodePath)
	return proc, nil
}

// supervise restarts the sidecar with backoff whenever it dies or stops answering health checks.
func (s *Sidecar) supervise(proc *sidecarProcess) {
	backoff := minBackoff
	for {
		startedAt := time.Now()
		s.watch(proc)
		s.setProc(nil)
		proc.terminate(time.Second)
		// Kept-alive connections led to the old process.
		s.app.CloseIdleConnections()
		if s.isStopping() {
			return
		}
		if time.Since(startedAt) > stableRunFor {
			backoff = minBackoff
		}
		s.api.LogError("The Collabora Node sidecar stopped; restarting it", "retry_in", backoff.String())
		for {
			select {
			case <-s.stopped:
				return
			case <-time.After(backoff):
			}
			backoff = min(backoff*2, maxBackoff)
			next, err := s.startProcess()
			if err == nil {
				proc = next
				s.setProc(proc)
				s.api.LogInfo("The Collabora Node sidecar is running again")
				break
			}
			if s.isStopping() {
				return
			}
			s.api.LogError("Restarting the Collabora Node sidecar failed", "error", err.Error(), "retry_in", backoff.String())
		}
	}
}

// watch returns when the process exits, misses too many health checks, or the sidecar stops.
func (s *Sidecar) watch(proc *sidecarProcess) {
	ticker := time.NewTicker(healthInterval)
	defer ticker.Stop()
	misses := 0
	for {
		select {
		case <-proc.exited:
			return
		case <-s.stopped:
			return
		case <-ticker.C:
			ctx, cancel := context.WithTimeout(context.Background(), healthTimeout)
			_, err := proc.hooks.Health(ctx, &bridgev1.HealthRequest{})
			cancel()
			if err == nil {
				misses = 0
				continue
			}
			misses++
			if misses >= healthFailures {
				s.api.LogError("The Collabora Node sidecar stopped answering health checks", "error", err.Error())
				return
			}
		}
	}
}

// pid is the running Node process id, 0 while down (tests use it to kill and measure Node).
func (s *Sidecar) pid() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.proc == nil || s.proc.cmd.Process == nil {
		return 0
	}
	return s.proc.cmd.Process.Pid
}
