// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/v8/platform/shared/filestore"
)

// filesAPI adds stored files to the fake Plugin API: their FileInfos (stored under
// "stored/<id>") and, for the Plugin API's own GetFile, their bytes.
type filesAPI struct {
	*fakeAPI
	files    map[string][]byte
	getFiles atomic.Int32
}

func (f *filesAPI) GetFile(id string) ([]byte, *model.AppError) {
	f.getFiles.Add(1)
	data, ok := f.files[id]
	if !ok {
		return nil, model.NewAppError("GetFile", "app.file.get.app_error", nil, "", http.StatusNotFound)
	}
	return data, nil
}

func (f *filesAPI) GetFileInfo(id string) (*model.FileInfo, *model.AppError) {
	data, ok := f.files[id]
	if !ok {
		return nil, model.NewAppError("GetFileInfo", "app.file_info.get.app_error", nil, "", http.StatusNotFound)
	}
	return &model.FileInfo{Id: id, Path: "stored/" + id, Size: int64(len(data))}, nil
}

// putDocument stores a document record as the app keeps it, listing the given files.
func putDocument(t *testing.T, api *fakeAPI, docID, current string, revisions ...string) {
	t.Helper()
	revs := []map[string]string{}
	for _, r := range revisions {
		revs = append(revs, map[string]string{"fileId": r})
	}
	raw, err := json.Marshal(map[string]any{"docId": docID, "currentFileId": current, "attachedFileId": docID, "revisions": revs})
	if err != nil {
		t.Fatal(err)
	}
	api.mu.Lock()
	api.kv["doc:"+docID] = raw
	api.mu.Unlock()
}

// useLocalStore points the shim at a local file store in a new directory holding the files.
func useLocalStore(t *testing.T, h *harness, files map[string][]byte) {
	t.Helper()
	dir := t.TempDir()
	for id, data := range files {
		if err := os.MkdirAll(filepath.Join(dir, "stored"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "stored", id), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cfg := &model.Config{}
	cfg.SetDefaults()
	*cfg.FileSettings.Directory = dir
	h.api.mu.Lock()
	h.api.serverConfig = cfg
	h.api.mu.Unlock()
	if err := h.shim.OnConfigurationChange(); err != nil {
		t.Fatal(err)
	}
	if backend, reason := h.shim.sidecar.store.get(); backend == nil {
		t.Fatalf("the store did not open: %s", reason)
	}
}

// The app names a file instead of sending its bytes; the shim sends the file with the app's
// status and headers and the file's length, and the bridge header stays inside. From the store
// when the shim could open it, else through the Plugin API.
func TestShimSendsTheFileTheAppNames(t *testing.T) {
	doc := bytes.Repeat([]byte("0123456789abcdef"), 3<<16) // 3 MiB: several writes
	for _, fromStore := range []bool{false, true} {
		h := startHarness(t)
		api := &filesAPI{fakeAPI: h.api, files: map[string][]byte{"bridge-test-file1": doc, "6t8bmj1bz3fxtd9kxsc7ibgmwa": doc}}
		h.shim.SetAPI(api)
		putDocument(t, h.api, "bridge-test-doc1", "bridge-test-file1")
		if fromStore {
			useLocalStore(t, h, api.files)
		}

		resp, body := h.get("/api/v1/test/files/bridge-test-doc1/contents?id=bridge-test-file1")
		if resp.StatusCode != http.StatusOK || !bytes.Equal(body, doc) {
			t.Fatalf("store %v: got %d with %d bytes, want 200 with the %d bytes of the file", fromStore, resp.StatusCode, len(body), len(doc))
		}
		if resp.ContentLength != int64(len(doc)) || resp.Header.Get("X-Wopi-Itemversion") != "7" || resp.Header.Get("Content-Type") != "application/octet-stream" {
			t.Fatalf("headers: length %d, %v", resp.ContentLength, resp.Header)
		}
		if v := resp.Header.Get(headerSendFile); v != "" {
			t.Fatalf("the bridge header reached the client: %q", v)
		}
		if got := api.getFiles.Load(); (got == 0) == !fromStore {
			t.Fatalf("store %v: the Plugin API's GetFile was called %d times", fromStore, got)
		}

		// A HEAD request is not offered the shim's sending (it would read the whole file for
		// nothing): the app answers it itself.
		head, err := http.Head(h.srv.URL + "/api/v1/test/files/bridge-test-doc1/contents?id=bridge-test-file1")
		if err != nil {
			t.Fatal(err)
		}
		_ = head.Body.Close()
		if head.StatusCode != http.StatusNotImplemented {
			t.Fatalf("HEAD: got %d, want the app's own 501", head.StatusCode)
		}

		putDocument(t, h.api, "bridge-test-doc2", "bridge-test-gone")
		missing, _ := h.get("/api/v1/test/files/bridge-test-doc2/contents?id=bridge-test-gone")
		if missing.StatusCode != http.StatusNotFound {
			t.Fatalf("a file Mattermost does not have: got %d, want 404", missing.StatusCode)
		}
		// The test route names only the tests' own files, never a real Mattermost file id.
		if real, _ := h.get("/api/v1/test/files/bridge-test-doc1/contents?id=6t8bmj1bz3fxtd9kxsc7ibgmwa"); real.StatusCode != http.StatusNotImplemented {
			t.Fatalf("the test route sent a Mattermost file id: got %d, want 501", real.StatusCode)
		}
	}
}

// A directive naming a file of another document (or of no known document) is refused: the
// shim checks it against the record of the document the request's path names.
func TestShimRefusesAFileOfAnotherDocument(t *testing.T) {
	h := startHarness(t)
	secret := []byte("another document's revision")
	api := &filesAPI{fakeAPI: h.api, files: map[string][]byte{"bridge-test-mine": []byte("mine"), "bridge-test-theirs": secret}}
	h.shim.SetAPI(api)
	useLocalStore(t, h, api.files)
	putDocument(t, h.api, "bridge-test-doc1", "bridge-test-mine")
	putDocument(t, h.api, "bridge-test-doc2", "bridge-test-theirs")

	for _, path := range []string{
		"/api/v1/test/files/bridge-test-doc1/contents?id=bridge-test-theirs",
		"/api/v1/test/files/bridge-test-nodoc/contents?id=bridge-test-theirs",
	} {
		resp, body := h.get(path)
		if resp.StatusCode != http.StatusInternalServerError || bytes.Contains(body, secret) {
			t.Fatalf("%s: got %d %q, want a 500 without the file", path, resp.StatusCode, body)
		}
	}
	if !strings.Contains(strings.Join(h.api.logLines(), "\n"), "the requested document does not have") {
		t.Fatalf("the refusal was not logged: %v", h.api.logLines())
	}
	// The same file through its own document is sent.
	if resp, body := h.get("/api/v1/test/files/bridge-test-doc2/contents?id=bridge-test-theirs"); resp.StatusCode != http.StatusOK || !bytes.Equal(body, secret) {
		t.Fatalf("its own document: got %d %q", resp.StatusCode, body)
	}
}

// failingStore is a file store whose reads fail after a number of bytes.
type failingStore struct {
	filestore.FileBackend
	data    []byte
	failAt  int
	readErr error
}

type failingReader struct {
	*bytes.Reader
	left int
	err  error
}

func (r *failingReader) Read(p []byte) (int, error) {
	if r.left <= 0 {
		return 0, r.err
	}
	n, _ := r.Reader.Read(p[:min(len(p), r.left)])
	r.left -= n
	return n, nil
}

func (r *failingReader) Close() error { return nil }

func (s *failingStore) Reader(string) (filestore.ReadCloseSeeker, error) {
	return &failingReader{Reader: bytes.NewReader(s.data), left: s.failAt, err: s.readErr}, nil
}

// The store failing after the headers went out: the client must see a failed read, never a
// complete 200. Failing before the first piece is sent: an error status.
func TestStoreFailureMidFileIsAFailedReadNotAShortFile(t *testing.T) {
	data := bytes.Repeat([]byte("x"), 5<<20)
	api := &filesAPI{fakeAPI: &fakeAPI{kv: map[string][]byte{}}, files: map[string][]byte{"f1": data}}
	for _, tc := range []struct {
		failAt     int
		wantStatus int
	}{{failAt: 3 << 20, wantStatus: http.StatusOK}, {failAt: 1000, wantStatus: http.StatusInternalServerError}} {
		store := &failingStore{data: data, failAt: tc.failAt, readErr: errors.New("connection reset by the store")}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			resp := &http.Response{StatusCode: http.StatusOK, Header: http.Header{"X-Wopi-Itemversion": {"3"}}, Body: http.NoBody}
			sendFromStore(api, store, "f1", resp, w)
		}))
		resp, err := http.Get(srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		got, readErr := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		srv.Close()
		if resp.StatusCode != tc.wantStatus {
			t.Fatalf("fail at %d: status %d, want %d", tc.failAt, resp.StatusCode, tc.wantStatus)
		}
		if tc.wantStatus == http.StatusOK {
			if resp.ContentLength != int64(len(data)) || readErr == nil || len(got) >= len(data) {
				t.Fatalf("fail at %d: length %d, read %d bytes, error %v: want a failed read short of the length", tc.failAt, resp.ContentLength, len(got), readErr)
			}
		}
	}
	if !strings.Contains(strings.Join(api.logLines(), "\n"), "short body") {
		t.Fatalf("the failure was not logged: %v", api.logLines())
	}
}

// sendPieces sends filled pieces: one Write per 1 MiB, not per read of the store.
func TestSendPiecesWritesFilledPieces(t *testing.T) {
	data := bytes.Repeat([]byte("y"), 3<<20+5)
	var writes []int
	w := writerFunc(func(p []byte) (int, error) { writes = append(writes, len(p)); return len(p), nil })
	r := io.LimitReader(&trickle{data: data}, int64(len(data)))
	buf := make([]byte, bodyChunkSize)
	first, _ := readPiece(r, buf)
	sent, err := sendPieces(w, r, buf, first, int64(len(data)))
	if err != nil || sent != int64(len(data)) {
		t.Fatalf("sent %d, %v", sent, err)
	}
	if len(writes) != 4 || writes[0] != bodyChunkSize || writes[3] != 5 {
		t.Fatalf("writes %v", writes)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// trickle returns at most 32 KiB per read, as a network body does.
type trickle struct{ data []byte }

func (t *trickle) Read(p []byte) (int, error) {
	if len(t.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), 32<<10)], t.data)
	t.data = t.data[n:]
	return n, nil
}
