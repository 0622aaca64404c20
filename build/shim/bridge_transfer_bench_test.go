// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"net/http"
	"strconv"
	"testing"
)

const transferBody = 100 << 20

func reportCalls(b *testing.B, c *rpcCounter) {
	n := float64(b.N)
	b.ReportMetric(float64(c.writes.Load())/n, "writes/op")
	b.ReportMetric(float64(c.flushes.Load())/n, "flushes/op")
	b.ReportMetric(float64(c.reads.Load())/n, "body-reads/op")
}

// BenchmarkBridgeTransfer streams 100 MiB through the shim and the sidecar each way (the
// sidecar's test routes: a generated body out, a hashed body in). MB/s is the bridge's own
// ceiling without Mattermost; writes/flushes/body-reads per op are what each transfer costs in
// Mattermost RPC round trips.
func BenchmarkBridgeTransfer(b *testing.B) {
	b.Run("response-100MiB", func(b *testing.B) {
		h := startHarness(b)
		srv, c := countingServer(b, h)
		b.SetBytes(transferBody)
		b.ResetTimer()
		for range b.N {
			resp, err := http.Get(srv.URL + "/api/v1/test/source?bytes=" + strconv.Itoa(transferBody))
			if err != nil {
				b.Fatal(err)
			}
			n, _ := io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if n != transferBody {
				b.Fatalf("received %d bytes", n)
			}
		}
		reportCalls(b, c)
	})
	b.Run("request-100MiB", func(b *testing.B) {
		h := startHarness(b)
		srv, c := countingServer(b, h)
		b.SetBytes(transferBody)
		b.ResetTimer()
		for range b.N {
			req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/test/sink", &patternReader{left: transferBody})
			req.ContentLength = transferBody
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Fatalf("upload answered %d", resp.StatusCode)
			}
		}
		reportCalls(b, c)
	})
}
