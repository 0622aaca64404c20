// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// sessionUploadAPI takes uploads as Mattermost's UploadData does: it reads the stream to its
// end and creates a FileInfo only when all FileSize bytes came.
type sessionUploadAPI struct {
	*fakeAPI
	mu       sync.Mutex
	sessions []*model.UploadSession
	stored   []*model.FileInfo
	received int64
	sum      string
	done     chan struct{}
}

func (u *sessionUploadAPI) CreateUploadSession(us *model.UploadSession) (*model.UploadSession, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.sessions = append(u.sessions, us)
	return us, nil
}

func (u *sessionUploadAPI) UploadData(us *model.UploadSession, r io.Reader) (*model.FileInfo, error) {
	h := sha256.New()
	n, _ := io.Copy(h, r)
	u.mu.Lock()
	defer u.mu.Unlock()
	defer func() {
		if u.done != nil {
			close(u.done)
		}
	}()
	u.received, u.sum = n, hex.EncodeToString(h.Sum(nil))
	if n != us.FileSize {
		return nil, nil
	}
	info := &model.FileInfo{Id: model.NewId(), ChannelId: us.ChannelId, Name: us.Filename, Size: n}
	u.stored = append(u.stored, info)
	return info, nil
}

// bodyReadCounter counts what the handler read of the request body.
type bodyReadCounter struct {
	io.ReadCloser
	read *atomic.Int64
}

func (c bodyReadCounter) Read(p []byte) (int, error) {
	n, err := c.ReadCloser.Read(p)
	c.read.Add(int64(n))
	return n, err
}

// startStoreHarness is the harness with uploads taken, and a count of the body bytes the shim
// read from the client.
func startStoreHarness(t *testing.T) (*harness, *sessionUploadAPI, *atomic.Int64) {
	api := &sessionUploadAPI{}
	h := startHarnessWith(t, func(f *fakeAPI) plugin.API { api.fakeAPI = f; return api })
	read := &atomic.Int64{}
	h.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = bodyReadCounter{ReadCloser: r.Body, read: read}
		h.shim.ServeHTTP(&plugin.Context{RequestId: "req", IPAddress: "127.0.0.9"}, w, r)
	})
	return h, api, read
}

// A save: the app decides from the head, the shim streams the body into an upload session and
// reports the FileInfo to the app, whose answer the client gets. The body never reaches Node.
func TestShimStoresASaveBodyTheAppAgreedTo(t *testing.T) {
	h, api, read := startStoreHarness(t)
	const size = 9<<20 + 3
	want := sha256.New()
	got := h.postBody("/api/v1/test/files/bridge-test-doc1/contents", io.TeeReader(&patternReader{left: size}, want), size, nil)
	if got.Bytes != size || api.received != size || api.sum != hex.EncodeToString(want.Sum(nil)) || read.Load() != size {
		t.Fatalf("answer %+v, stored %d bytes (%s), read %d: want %d", got, api.received, api.sum, read.Load(), size)
	}
	if len(api.sessions) != 1 || api.sessions[0].ChannelId != "test-channel" || api.sessions[0].Filename != "upload.bin" || api.sessions[0].UserId != "nouser" || api.sessions[0].FileSize != size {
		t.Fatalf("upload session %+v", api.sessions[0])
	}
}

// A refused save: the app's refusal goes to the client and nothing of the body is read.
func TestShimReadsNothingOfARefusedSave(t *testing.T) {
	h, api, read := startStoreHarness(t)
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/api/v1/test/files/bridge-test-doc1/contents", &patternReader{left: 4 << 20})
	req.ContentLength = 4 << 20
	req.Header.Set("X-Test-Refuse", "1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusConflict || resp.Header.Get("X-Wopi-Lock") != "held" {
		t.Fatalf("got %d %v, want the app's 409", resp.StatusCode, resp.Header)
	}
	if read.Load() != 0 || len(api.sessions) != 0 {
		t.Fatalf("read %d bytes, opened %d upload sessions: want none", read.Load(), len(api.sessions))
	}
}

// A body cut off half-way: no FileInfo is made, and the app is told the save failed.
func TestShimStoresNothingOfABodyCutOffHalfWay(t *testing.T) {
	h, api, _ := startStoreHarness(t)
	api.done = make(chan struct{})
	conn, err := net.Dial("tcp", strings.TrimPrefix(h.srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	const size = 6 << 20
	fmt.Fprintf(conn, "POST /api/v1/test/files/bridge-test-doc1/contents HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n", size)
	if _, err := io.CopyN(conn, &patternReader{left: size}, size/2); err != nil {
		t.Fatal(err)
	}
	_ = conn.Close()
	select {
	case <-api.done:
	case <-time.After(20 * time.Second):
		t.Fatal("the upload did not end")
	}
	api.mu.Lock()
	defer api.mu.Unlock()
	if len(api.stored) != 0 || api.received >= size {
		t.Fatalf("stored %d files, %d bytes: want nothing", len(api.stored), api.received)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(strings.Join(h.api.logLines(), "\n"), "was not stored") {
		if time.Now().After(deadline) {
			t.Fatalf("the failure was not logged: %v", h.api.logLines())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// Requests the shim does not hold bodies back for still stream them to the app: a save
// without Content-Length, and any other route.
func TestOtherBodiesStillReachTheApp(t *testing.T) {
	h, api, _ := startStoreHarness(t)
	if got := h.postBody("/api/v1/test/sink", &patternReader{left: 1 << 20}, 1<<20, nil); got.Bytes != 1<<20 {
		t.Fatalf("sink got %d", got.Bytes)
	}
	req, _ := http.NewRequest(http.MethodPost, h.srv.URL+"/api/v1/test/files/bridge-test-doc1/contents", &patternReader{left: 1 << 20})
	req.ContentLength = -1
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(resp.Body).ReadString('}')
	_ = resp.Body.Close()
	if !strings.Contains(line, `"through_node":true`) || len(api.sessions) != 0 {
		t.Fatalf("a chunked save: %q, %d sessions", line, len(api.sessions))
	}
}

func TestExactReaderFailsShortSources(t *testing.T) {
	e := &exactReader{r: strings.NewReader("abc"), left: 5}
	if _, err := io.ReadAll(e); err == nil {
		t.Fatal("a short source must fail")
	}
	e = &exactReader{r: strings.NewReader("abcdef"), left: 5}
	if got, err := io.ReadAll(e); err != nil || string(got) != "abcde" {
		t.Fatalf("got %q %v", got, err)
	}
}
