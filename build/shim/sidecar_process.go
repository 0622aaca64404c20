// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/backoff"
	"google.golang.org/grpc/credentials/insecure"

	bridgev1 "github.com/collaboraonline/collabora-mattermost/build/shim/gen/bridge/v1"
)

// maxMessageSize bounds single gRPC messages; bodies and files are chunked well below it.
const maxMessageSize = 16 << 20

// sidecarProcess is one run of the Node process and the connection to its Hooks server.
type sidecarProcess struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	conn   *grpc.ClientConn
	hooks  bridgev1.HooksClient
	exited chan struct{}
	// startup is the time from exec to a finished OnActivate.
	startup time.Duration
}

func spawnSidecar(nodePath, scriptPath, dir string, logs *logForwarder) (*sidecarProcess, error) {
	hooksSocket := filepath.Join(dir, "hooks.sock")
	_ = os.Remove(hooksSocket)
	cmd := exec.Command(nodePath, scriptPath)
	cmd.Dir = dir
	cmd.Env = sidecarEnv(dir)
	// The sidecar must not outlive the shim, even when Mattermost SIGKILLs it; Node also exits
	// when its stdin closes (see main.ts), which covers the cases Pdeathsig does not.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("cannot start Node (%s): %w", nodePath, err)
	}
	go logs.forward(stdout, false)
	go logs.forward(stderr, true)
	p := &sidecarProcess{cmd: cmd, stdin: stdin, exited: make(chan struct{})}
	go func() {
		_ = cmd.Wait()
		close(p.exited)
	}()
	conn, err := grpc.NewClient("unix://"+hooksSocket,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		// The socket appears a few hundred milliseconds after exec; gRPC's default first retry
		// waits a whole second.
		grpc.WithConnectParams(grpc.ConnectParams{Backoff: backoff.Config{BaseDelay: 20 * time.Millisecond, Multiplier: 1.6, Jitter: 0.2, MaxDelay: time.Second}, MinConnectTimeout: time.Second}),
		grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(maxMessageSize), grpc.MaxCallSendMsgSize(maxMessageSize)))
	if err != nil {
		p.terminate(time.Second)
		return nil, err
	}
	p.conn = conn
	p.hooks = bridgev1.NewHooksClient(conn)
	return p, nil
}

// sidecarEnv is an explicit environment: Mattermost's own (database DSNs among it) is not
// passed on to Node.
func sidecarEnv(dir string) []string {
	env := []string{
		"COLLABORA_BRIDGE_DIR=" + dir,
		"NODE_ENV=production",
		"PATH=/usr/local/bin:/usr/bin:/bin",
	}
	for _, kv := range os.Environ() {
		name := strings.SplitN(kv, "=", 2)[0]
		if name == "TMPDIR" || name == "TZ" || strings.HasPrefix(name, "COLLABORA_SIDECAR_") {
			env = append(env, kv)
		}
	}
	return env
}

func (p *sidecarProcess) waitHealthy(ctx context.Context) error {
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("Node exited (%v)", p.cmd.ProcessState)
		default:
		}
		attempt, cancel := context.WithTimeout(ctx, time.Second)
		_, err := p.hooks.Health(attempt, &bridgev1.HealthRequest{}, grpc.WaitForReady(true))
		cancel()
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("no health answer within %s: %v", readyTimeout, err)
		case <-p.exited:
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// terminate asks Node to exit, then kills it after grace.
func (p *sidecarProcess) terminate(grace time.Duration) {
	if p.conn != nil {
		_ = p.conn.Close()
	}
	_ = p.stdin.Close()
	select {
	case <-p.exited:
		return
	default:
	}
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(grace):
		_ = p.cmd.Process.Kill()
		<-p.exited
	}
}
