// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

const bigBody = 200 << 20

// Bounds well under the 200 MiB bodies: neither side may hold a whole body.
const (
	maxSidecarRSS  = 150 << 20
	maxShimHeapUse = 64 << 20
)

// patternReader yields n bytes of a fixed pattern without holding them.
type patternReader struct{ left int64 }

func (p *patternReader) Read(b []byte) (int, error) {
	if p.left == 0 {
		return 0, io.EOF
	}
	n := int64(len(b))
	if n > p.left {
		n = p.left
	}
	for i := range b[:n] {
		b[i] = byte(i*31 + 7)
	}
	p.left -= n
	return int(n), nil
}

// heapPeak samples the Go heap of this process (the shim's side of the bridge) until stopped.
func heapPeak() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	return func() uint64 { close(done); wg.Wait(); return peak.Load() }
}

func TestLargeRequestBodyStreamsWithBoundedMemory(t *testing.T) {
	h := startHarness(t)
	runtime.GC()
	stop := heapPeak()
	want := sha256.New()
	got := h.postBody("/api/v1/test/sink", io.TeeReader(&patternReader{left: bigBody}, want), bigBody, nil)
	shimPeak := stop()
	if got.Bytes != bigBody || got.SHA256 != hex.EncodeToString(want.Sum(nil)) {
		t.Fatalf("Node received %d bytes (%s), want %d", got.Bytes, got.SHA256, bigBody)
	}
	nodePeak := peakRSS(t, h.sidecarPID())
	t.Logf("200 MiB upload: sidecar peak RSS %d MiB, shim peak heap %d MiB", nodePeak>>20, shimPeak>>20)
	if nodePeak > maxSidecarRSS || shimPeak > maxShimHeapUse {
		t.Fatalf("memory not bounded: sidecar %d MiB (max %d), shim heap %d MiB (max %d)", nodePeak>>20, maxSidecarRSS>>20, shimPeak>>20, maxShimHeapUse>>20)
	}
}

func TestLargeResponseBodyStreamsWithBoundedMemory(t *testing.T) {
	h := startHarness(t)
	runtime.GC()
	stop := heapPeak()
	resp, err := http.Get(h.srv.URL + "/api/v1/test/source?bytes=" + strconv.Itoa(bigBody))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got := sha256.New()
	n, err := io.Copy(got, resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	shimPeak := stop()
	want := sha256.New()
	_, _ = io.Copy(want, &patternReader{left: bigBody})
	if n != bigBody || hex.EncodeToString(got.Sum(nil)) != hex.EncodeToString(want.Sum(nil)) {
		t.Fatalf("received %d bytes, want %d with the same content", n, bigBody)
	}
	nodePeak := peakRSS(t, h.sidecarPID())
	t.Logf("200 MiB download: sidecar peak RSS %d MiB, shim peak heap %d MiB", nodePeak>>20, shimPeak>>20)
	if nodePeak > maxSidecarRSS || shimPeak > maxShimHeapUse {
		t.Fatalf("memory not bounded: sidecar %d MiB (max %d), shim heap %d MiB (max %d)", nodePeak>>20, maxSidecarRSS>>20, shimPeak>>20, maxShimHeapUse>>20)
	}
}

func TestClientGoingAwayCancelsTheRequestInNode(t *testing.T) {
	h := startHarness(t)
	u, _ := url.Parse(h.srv.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Write([]byte("GET /api/v1/test/slow HTTP/1.1\r\nHost: x\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(conn)
	for line := ""; line != "tick\r\n" && line != "tick\n"; {
		// Skip the status line, headers and chunk sizes until the first tick arrives.
		if line, err = r.ReadString('\n'); err != nil {
			t.Fatal(err)
		}
	}
	_ = conn.Close()
	var state struct {
		Cancelled   int `json:"cancelled"`
		SlowStarted int `json:"slowStarted"`
	}
	waitFor(t, 5*time.Second, "Node to see the request cancelled", func() bool {
		h.getJSON("/api/v1/test/state", &state)
		return state.Cancelled == 1
	})
	if state.SlowStarted != 1 {
		t.Fatalf("slow route started %d times", state.SlowStarted)
	}
}

// Mattermost hands a plugin the request it rebuilt from plugin.HTTPRequestSubset, whose
// ContentLength is always 0: bodies must still reach Node whole, and short ones still cancel.
func TestBodyOfRequestRebuiltByMattermostReachesNode(t *testing.T) {
	h := startHarness(t)
	send := func(body string, announced string) *httptest.ResponseRecorder {
		u, _ := url.Parse(h.srv.URL + "/api/v1/test/sink")
		subset := &plugin.HTTPRequestSubset{
			Method: http.MethodPost, URL: u, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Content-Length": {announced}, "Content-Type": {"application/octet-stream"}},
			Host:   u.Host, RemoteAddr: "127.0.0.1:1", RequestURI: "/api/v1/test/sink",
		}
		r := subset.GetHTTPRequest()
		r.Body = io.NopCloser(strings.NewReader(body))
		w := httptest.NewRecorder()
		h.shim.ServeHTTP(&plugin.Context{RequestId: "req"}, w, r)
		return w
	}
	w := send(`{"mode":"edit"}`, "15")
	answer := w.Body.String()
	var got struct {
		Bytes int64 `json:"bytes"`
	}
	if w.Code != http.StatusOK || decodeJSON(strings.NewReader(answer), &got) != nil || got.Bytes != 15 {
		t.Fatalf("got %d %q, want 200 with 15 bytes received", w.Code, answer)
	}
	if short := send(`{"mode"`, "15"); short.Code == http.StatusOK && strings.Contains(short.Body.String(), "bytes") {
		t.Fatalf("a body shorter than announced reached Node: %d %q", short.Code, short.Body.String())
	}
}

// A request whose body trickles in (a slow or stalled upload) reaches the app at once, so the
// app can refuse it (here: no access token) without waiting for a body that may never end.
func TestRequestIsRefusedBeforeItsBodyArrives(t *testing.T) {
	h := startHarness(t)
	u, _ := url.Parse(h.srv.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	head := "POST /wopi/files/abc/contents HTTP/1.1\r\nHost: x\r\nX-WOPI-Override: PUT\r\nContent-Type: application/octet-stream\r\nContent-Length: 10485760\r\n\r\n"
	if _, err := conn.Write([]byte(head)); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
				if _, err := conn.Write([]byte("x")); err != nil {
					return
				}
			}
		}
	}()
	_ = conn.SetReadDeadline(time.Now().Add(3 * time.Second))
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatalf("no answer while the body trickled: %v", err)
	}
	if !strings.HasPrefix(status, "HTTP/1.1 401") {
		t.Fatalf("got %q, want a 401 for the missing token", status)
	}
}

// uploadCountingAPI takes uploads as Mattermost does (reading the stream to its end) and keeps
// only their length.
type uploadCountingAPI struct {
	*fakeAPI
	received atomic.Int64
}

func (u *uploadCountingAPI) CreateUploadSession(us *model.UploadSession) (*model.UploadSession, error) {
	return us, nil
}

func (u *uploadCountingAPI) UploadData(us *model.UploadSession, r io.Reader) (*model.FileInfo, error) {
	n, err := io.Copy(io.Discard, r)
	u.received.Store(n)
	return &model.FileInfo{Id: model.NewId(), Name: us.Filename, Size: n}, err
}

// A save's path: the body comes to the sidecar's app, which streams it into Mattermost through
// UploadData. The sidecar stays under its memory bound however large the document.
func TestSaveOfALargeDocumentKeepsTheSidecarBounded(t *testing.T) {
	api := &uploadCountingAPI{}
	h := startHarnessWith(t, func(f *fakeAPI) plugin.API { api.fakeAPI = f; return api })
	if got := h.postBody("/api/v1/test/upload", &patternReader{left: bigBody}, bigBody, nil); got.Bytes != bigBody || api.received.Load() != bigBody {
		t.Fatalf("stored %d bytes (answer %d), want %d", api.received.Load(), got.Bytes, bigBody)
	}
	nodePeak := peakRSS(t, h.sidecarPID())
	t.Logf("200 MiB save through UploadData: sidecar peak RSS %d MiB", nodePeak>>20)
	if nodePeak > maxSidecarRSS {
		t.Fatalf("sidecar peak RSS %d MiB, max %d", nodePeak>>20, maxSidecarRSS>>20)
	}
}

// A body sent without Content-Length (chunked) reaches the app whole, and a request without
// any body reaches it without one.
func TestChunkedBodyAndNoBodyReachTheApp(t *testing.T) {
	h := startHarness(t)
	const size = 3<<20 + 7
	want := sha256.New()
	got := h.postBody("/api/v1/test/sink", io.TeeReader(&patternReader{left: size}, want), -1, http.Header{"Expect": {"100-continue"}})
	if got.Bytes != size || got.SHA256 != hex.EncodeToString(want.Sum(nil)) {
		t.Fatalf("the app received %d bytes, want %d", got.Bytes, size)
	}
	if empty := h.postBody("/api/v1/test/sink", http.NoBody, 0, nil); empty.Bytes != 0 {
		t.Fatalf("an empty request: the app received %d bytes", empty.Bytes)
	}
}
