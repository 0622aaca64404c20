// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// A save's body never passes through Node. The shim sends the app the request's head only,
// with headerCanStoreBody carrying the body's length; the app checks what it can from the head
// (rights, lock, timestamp, size) and either refuses (its answer goes to the client, and the
// body is never read) or answers with headerStoreBody: where to store it. The shim then streams
// the body into Mattermost through an upload session and sends the app the same head again,
// with headerStoredFile (the new FileInfo) or headerStoreFailed (the HTTP status of the
// failure); the app checks everything again, records the revision (compare-and-set) and its
// answer goes to the client.
const (
	headerCanStoreBody = bridgeHeaderPrefix + "Can-Store-Body"
	headerStoreBody    = bridgeHeaderPrefix + "Store-Body"
	headerStoredFile   = bridgeHeaderPrefix + "Stored-File"
	headerStoreFailed  = bridgeHeaderPrefix + "Store-Failed"
)

// bodyUploader is the part of the Plugin API that storing a body needs.
type bodyUploader interface {
	CreateUploadSession(us *model.UploadSession) (*model.UploadSession, error)
	UploadData(us *model.UploadSession, rd io.Reader) (*model.FileInfo, error)
	LogWarn(msg string, keyValuePairs ...any)
}

// storeDirective is the app's headerStoreBody, base64 of this JSON (the file name may be any
// Unicode, which a header cannot carry as is).
type storeDirective struct {
	UserID    string `json:"user_id"`
	ChannelID string `json:"channel_id"`
	Filename  string `json:"filename"`
	FileSize  int64  `json:"file_size"`
}

// storeBodyLength is the length of a body the shim offers to store itself: a POST with a
// body of announced length to a document's contents (WOPI PutFile), else 0.
func storeBodyLength(r *http.Request) int64 {
	if r.Method != http.MethodPost || documentOfPath(r.URL.Path) == "" {
		return 0
	}
	return max(announcedLength(r), 0)
}

// storeBodyAndReport stores the request's body as the app's answer directs, then asks the app
// again with the result, and returns the app's second answer.
func storeBodyAndReport(ctx context.Context, app http.RoundTripper, api bodyUploader, store *fileStore, c *plugin.Context, r *http.Request, first *http.Response, size int64) (*http.Response, error) {
	_, _ = io.Copy(io.Discard, io.LimitReader(first.Body, 1<<16))
	_ = first.Body.Close()
	// The directive goes back with the result: the app's upload marker in it ends there.
	report := http.Header{headerStoreBody: {first.Header.Get(headerStoreBody)}}
	info, failStatus := storeBody(api, store, first.Header.Get(headerStoreBody), r.Body, size)
	if info != nil {
		data, err := json.Marshal(info)
		if err != nil {
			return nil, err
		}
		report.Set(headerStoredFile, base64.StdEncoding.EncodeToString(data))
	} else {
		report.Set(headerStoreFailed, strconv.Itoa(failStatus))
	}
	second, status := appRequest(ctx, c, r)
	if status != http.StatusOK {
		return nil, fmt.Errorf("the request cannot be sent again (%d)", status)
	}
	second.Body, second.ContentLength = http.NoBody, 0
	for name, values := range report {
		second.Header[name] = values
	}
	return app.RoundTrip(second)
}

// storeBody streams body into a new upload session and returns its FileInfo, or nil and the
// HTTP status to report: 400 for a directive that does not fit the request, 413 when
// Mattermost refuses the size, 500 when the body was cut off or storing failed. A body cut off
// half-way leaves no FileInfo; its partial bytes are removed when the shim can reach the store.
func storeBody(api bodyUploader, store *fileStore, directive string, body io.Reader, size int64) (*model.FileInfo, int) {
	var d storeDirective
	raw, err := base64.StdEncoding.DecodeString(directive)
	if err == nil {
		err = json.Unmarshal(raw, &d)
	}
	if err != nil || d.FileSize != size || d.ChannelID == "" || d.Filename == "" || d.UserID == "" {
		api.LogWarn("The app's store directive does not fit the request; nothing is stored", "announced", size, "directive_size", d.FileSize)
		return nil, http.StatusBadRequest
	}
	// Mattermost's REST handler gives each session its id; through the Plugin API the caller
	// must, or the session is refused as invalid.
	session, err := api.CreateUploadSession(&model.UploadSession{
		Id: model.NewId(), Type: model.UploadTypeAttachment, UserId: d.UserID, ChannelId: d.ChannelID, Filename: d.Filename, FileSize: size,
	})
	if err != nil {
		api.LogWarn("A save could not open an upload session", "error", err.Error())
		return nil, statusOf(err)
	}
	filled := newFilledReader(io.NopCloser(body), size)
	defer filled.Close()
	exact := &exactReader{r: filled, left: size}
	info, err := api.UploadData(session, exact)
	if err == nil && info != nil && exact.left == 0 {
		return info, 0
	}
	reason := "the body ended before all bytes arrived"
	if err != nil {
		reason = err.Error()
	}
	api.LogWarn("A save's body was not stored; no revision is recorded", "received", size-exact.left, "size", size, "reason", reason)
	removePartialUpload(api, store, session)
	if err != nil && exact.err == nil {
		return nil, statusOf(err)
	}
	return nil, http.StatusInternalServerError
}

// removePartialUpload removes the bytes an interrupted upload session left in the store.
func removePartialUpload(api bodyUploader, store *fileStore, session *model.UploadSession) {
	backend, _ := store.get()
	if backend == nil || session.Path == "" {
		return
	}
	if exists, err := backend.FileExists(session.Path); err == nil && exists {
		if err := backend.RemoveFile(session.Path); err != nil {
			api.LogWarn("The bytes of an interrupted save could not be removed", "error", err.Error())
		}
	}
}

func statusOf(err error) int {
	var appErr *model.AppError
	if errors.As(err, &appErr) && appErr.StatusCode == http.StatusRequestEntityTooLarge {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// exactReader reads exactly left bytes: a source that ends sooner is an error (not EOF), so
// Mattermost's upload ends incomplete instead of storing a short file.
type exactReader struct {
	r    io.Reader
	left int64
	err  error
}

func (e *exactReader) Read(p []byte) (int, error) {
	if e.left <= 0 {
		return 0, io.EOF
	}
	n, err := e.r.Read(p[:min(int64(len(p)), e.left)])
	e.left -= int64(n)
	if err != nil && (e.left > 0 || !errors.Is(err, io.EOF)) {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		e.err = err
		return n, err
	}
	if e.left == 0 {
		return n, io.EOF
	}
	return n, nil
}
