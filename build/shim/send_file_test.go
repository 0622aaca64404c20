// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// filesAPI adds stored files to the fake Plugin API.
type filesAPI struct {
	*fakeAPI
	files map[string][]byte
}

func (f *filesAPI) GetFile(id string) ([]byte, *model.AppError) {
	data, ok := f.files[id]
	if !ok {
		return nil, model.NewAppError("GetFile", "app.file.get.app_error", nil, "", http.StatusNotFound)
	}
	return data, nil
}

// The app names a file instead of sending its bytes; the shim sends the file from the Plugin
// API with the app's status and headers and the file's length, and the bridge header stays
// inside.
func TestShimSendsTheFileTheAppNames(t *testing.T) {
	h := startHarness(t)
	doc := bytes.Repeat([]byte("0123456789abcdef"), 3<<16) // 3 MiB: several writes
	h.shim.SetAPI(&filesAPI{fakeAPI: h.api, files: map[string][]byte{"bridge-test-file1": doc, "6t8bmj1bz3fxtd9kxsc7ibgmwa": doc}})

	resp, body := h.get("/api/v1/test/send-file?id=bridge-test-file1")
	if resp.StatusCode != http.StatusOK || !bytes.Equal(body, doc) {
		t.Fatalf("got %d with %d bytes, want 200 with the %d bytes of the file", resp.StatusCode, len(body), len(doc))
	}
	if resp.ContentLength != int64(len(doc)) || resp.Header.Get("X-Wopi-Itemversion") != "7" || resp.Header.Get("Content-Type") != "application/octet-stream" {
		t.Fatalf("headers: length %d, %v", resp.ContentLength, resp.Header)
	}
	if v := resp.Header.Get(headerSendFile); v != "" {
		t.Fatalf("the bridge header reached the client: %q", v)
	}

	// A HEAD request is not offered the shim's sending (it would read the whole file for
	// nothing): the app answers it itself.
	head, err := http.Head(h.srv.URL + "/api/v1/test/send-file?id=bridge-test-file1")
	if err != nil {
		t.Fatal(err)
	}
	_ = head.Body.Close()
	if head.StatusCode != http.StatusNotImplemented {
		t.Fatalf("HEAD: got %d, want the app's own 501", head.StatusCode)
	}

	missing, _ := h.get("/api/v1/test/send-file?id=bridge-test-gone")
	if missing.StatusCode != http.StatusNotFound {
		t.Fatalf("a file Mattermost does not have: got %d, want 404", missing.StatusCode)
	}
	// The test route names only the tests' own files, never a real Mattermost file id.
	if real, _ := h.get("/api/v1/test/send-file?id=6t8bmj1bz3fxtd9kxsc7ibgmwa"); real.StatusCode != http.StatusNotImplemented {
		t.Fatalf("the test route sent a Mattermost file id: got %d, want 501", real.StatusCode)
	}
}
