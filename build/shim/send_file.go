// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"io"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
)

// fileReader is the part of the Plugin API that reads a stored file.
type fileReader interface {
	GetFile(fileID string) ([]byte, *model.AppError)
}

// largeFile is the size above which the shim hands the file's memory back to the system right
// after sending it, rather than keeping it for the next GC cycle.
const largeFile = 16 << 20

// sendFile answers with a Mattermost file the app named (after it checked who may read it)
// instead of a body of its own: the bytes go from the Plugin API straight to the client, never
// through Node. The app's status and headers are kept; the length is the file's.
func sendFile(files fileReader, fileID string, resp *http.Response, w http.ResponseWriter) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	data, appErr := files.GetFile(fileID)
	if appErr != nil {
		status := http.StatusInternalServerError
		if appErr.StatusCode == http.StatusNotFound {
			status = http.StatusNotFound
		}
		http.Error(w, "The file could not be read.", status)
		return
	}
	copyResponseHeaders(w, resp)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(resp.StatusCode)
	for off := 0; off < len(data); off += bodyChunkSize {
		if _, err := w.Write(data[off:min(off+bodyChunkSize, len(data))]); err != nil {
			break
		}
	}
	if len(data) > largeFile {
		debug.FreeOSMemory()
	}
}
