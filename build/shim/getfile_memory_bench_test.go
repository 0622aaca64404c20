// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"net"
	"net/rpc"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// fileServer answers GetFile over net/rpc with gob, as Mattermost answers the Plugin API's
// GetFile: the whole file in one reply, which the shim's side decodes.
type fileServer struct{ data []byte }

func (f *fileServer) GetFile(_ string, reply *[]byte) error {
	*reply = f.data
	return nil
}

// TestMain lets the benchmark below run Mattermost's side in another process (this binary,
// re-executed), so that the heap measured is the shim's side alone.
func TestMain(m *testing.M) {
	if sock := os.Getenv("SHIM_BENCH_FILE_SERVER"); sock != "" {
		srv := rpc.NewServer()
		_ = srv.RegisterName("Plugin", &fileServer{data: make([]byte, uploadBody)})
		lis, err := net.Listen("unix", sock)
		if err != nil {
			os.Exit(1)
		}
		srv.Accept(lis)
		return
	}
	os.Exit(m.Run())
}

// BenchmarkGetFileMemory is the shim's peak heap while one 200 MiB file arrives through
// Mattermost's GetFile (net/rpc + gob, as in plugin/client_rpc.go): what the Plugin API alone
// costs the shim for a large GetFile, before the shim sends a byte.
func BenchmarkGetFileMemory(b *testing.B) {
	sock := filepath.Join(b.TempDir(), "files.sock")
	server := exec.Command(os.Args[0])
	server.Env = append(os.Environ(), "SHIM_BENCH_FILE_SERVER="+sock)
	if err := server.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { _ = server.Process.Kill(); _ = server.Wait() }()
	var client *rpc.Client
	for deadline := time.Now().Add(10 * time.Second); client == nil; time.Sleep(20 * time.Millisecond) {
		client, _ = rpc.Dial("unix", sock)
		if client == nil && time.Now().After(deadline) {
			b.Fatal("the file server did not start")
		}
	}
	defer client.Close()
	runtime.GC()
	stop := heapPeak()
	for range b.N {
		var data []byte
		if err := client.Call("Plugin.GetFile", "id", &data); err != nil || len(data) != uploadBody {
			b.Fatalf("GetFile: %d bytes, %v", len(data), err)
		}
	}
	b.ReportMetric(float64(stop()>>20), "peak-heap-MiB")
}
