// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"errors"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/v8/platform/shared/filestore"
)

// fileSource is the part of the Plugin API that sending a stored file needs.
type fileSource interface {
	GetFile(fileID string) ([]byte, *model.AppError)
	GetFileInfo(fileID string) (*model.FileInfo, *model.AppError)
	KVGet(key string) ([]byte, *model.AppError)
	LogError(msg string, keyValuePairs ...any)
}

// largeFile is the size above which the shim hands the file's memory back to the system right
// after sending it through the Plugin API, rather than keeping it for the next GC cycle.
const largeFile = 16 << 20

// sendFile answers with a Mattermost file the app named (after it checked who may read it)
// instead of a body of its own: the bytes never pass through Node. The app's status and headers
// are kept; the length is the file's. The file must be one of the document's the request's
// path names (document_file.go). It is read straight from Mattermost's file store in 1 MiB
// pieces when the shim could open the store, else through the Plugin API (a whole copy).
func sendFile(files fileSource, store *fileStore, docID, fileID string, resp *http.Response, w http.ResponseWriter) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	if err := checkDocumentFile(files, docID, fileID); err != nil {
		files.LogError("Refused to send a file: the app named a file the requested document does not have", "document", docID, "file", fileID, "reason", err.Error())
		http.Error(w, "The file could not be read.", http.StatusInternalServerError)
		return
	}
	if backend, _ := store.get(); backend != nil {
		sendFromStore(files, backend, fileID, resp, w)
		return
	}
	sendThroughPluginAPI(files, fileID, resp, w)
}

func writeReadError(w http.ResponseWriter, appErr *model.AppError) {
	status := http.StatusInternalServerError
	if appErr != nil && appErr.StatusCode == http.StatusNotFound {
		status = http.StatusNotFound
	}
	http.Error(w, "The file could not be read.", status)
}

// sendFromStore streams the file from the store. Headers go out before the body, so a store
// that fails half-way cannot turn the answer into an error any more: the body then stops short
// of the Content-Length already sent, and the server closes the connection instead of ending
// the response, which every HTTP client reports as a failed read, never as a complete file. (A
// plugin cannot hijack Mattermost's connection, and a panic would end the plugin process.)
func sendFromStore(files fileSource, backend filestore.FileBackend, fileID string, resp *http.Response, w http.ResponseWriter) {
	info, appErr := files.GetFileInfo(fileID)
	if appErr != nil {
		writeReadError(w, appErr)
		return
	}
	reader, err := backend.Reader(info.Path)
	if err != nil {
		files.LogError("The file store could not open a file", "file", fileID, "error", err.Error())
		writeReadError(w, nil)
		return
	}
	defer reader.Close()
	buf, release := bodyBuffer(info.Size)
	defer release()
	// The first piece is read before the headers go out: a missing object or an unreachable
	// store is still answered with an error status.
	body := io.LimitReader(reader, info.Size)
	first, err := readPiece(body, buf)
	if err != nil && !(errors.Is(err, io.EOF) && int64(first) == info.Size) {
		files.LogError("The file store could not read a file", "file", fileID, "error", err.Error())
		writeReadError(w, nil)
		return
	}
	copyResponseHeaders(w, resp)
	w.Header().Set("Content-Length", strconv.FormatInt(info.Size, 10))
	w.WriteHeader(resp.StatusCode)
	sent, err := sendPieces(w, body, buf, first, info.Size)
	if err != nil && sent < info.Size {
		files.LogError("The file store failed while a file was being sent; the client gets a short body", "file", fileID, "sent", sent, "size", info.Size, "error", err.Error())
	}
}

// readPiece fills buf as far as the reader allows: one Write per piece, as each Write crosses
// net/rpc to Mattermost (response_body.go).
func readPiece(r io.Reader, buf []byte) (int, error) {
	n, err := io.ReadFull(r, buf)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = io.EOF
	}
	return n, err
}

// sendPieces writes the piece already in buf[:first], then the rest of r, piece by piece,
// until size bytes are sent. It returns how many were sent and why it stopped short.
func sendPieces(w io.Writer, r io.Reader, buf []byte, first int, size int64) (int64, error) {
	var sent int64
	n := first
	for {
		if n > 0 {
			if _, err := w.Write(buf[:n]); err != nil {
				return sent, err
			}
			sent += int64(n)
		}
		if sent >= size {
			return sent, nil
		}
		var err error
		n, err = readPiece(r, buf)
		if err != nil && (n == 0 || !errors.Is(err, io.EOF)) {
			if errors.Is(err, io.EOF) {
				err = io.ErrUnexpectedEOF // the store has fewer bytes than the FileInfo says
			}
			return sent, err
		}
	}
}

// sendThroughPluginAPI is the path without direct access to the store: the Plugin API's GetFile
// returns the whole file at once (net/rpc and gob: the shim holds it, and more, while sending).
func sendThroughPluginAPI(files fileSource, fileID string, resp *http.Response, w http.ResponseWriter) {
	data, appErr := files.GetFile(fileID)
	if appErr != nil {
		writeReadError(w, appErr)
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
