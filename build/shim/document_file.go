// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
)

// The shim sends only a file of the document the request names. It checks the app's directive
// against the document's record in the KV store (the record the app keeps, server-ts
// documents/document_record.ts), read when the file is sent. Why not an HMAC the app computes
// over (document, file) with a key the shim gives it: the app would sign whatever file it
// named, so a route that named the wrong revision (a bug, a file id taken from the request)
// would be signed as faithfully as a right one; the record is what says which files are the
// document's, and the shim reads it itself.

// documentPath matches the paths whose answer may name a file: the WOPI contents route, and
// the sidecar's test route of the same shape (/api/v1/test/files/{doc}/contents).
var documentPath = regexp.MustCompile(`^/(?:wopi|api/v1/test)/files/([^/]+)/contents$`)

// documentOfPath is the document id a request path names, or "".
func documentOfPath(path string) string {
	if m := documentPath.FindStringSubmatch(path); m != nil {
		return m[1]
	}
	return ""
}

// documentRecord is the part of the app's document record that lists its files.
type documentRecord struct {
	DocID          string `json:"docId"`
	CurrentFileID  string `json:"currentFileId"`
	AttachedFileID string `json:"attachedFileId"`
	Revisions      []struct {
		FileID         string `json:"fileId"`
		OriginalFileID string `json:"originalFileId"`
	} `json:"revisions"`
	RemovedAt int64 `json:"removedAt"`
}

// checkDocumentFile fails unless fileID is one of the files of the document docID.
func checkDocumentFile(kv fileSource, docID, fileID string) error {
	if docID == "" {
		return errors.New("the request's path names no document")
	}
	raw, appErr := kv.KVGet("doc:" + docID)
	if appErr != nil {
		return fmt.Errorf("the document record could not be read: %w", appErr)
	}
	if raw == nil {
		return errors.New("the document has no record")
	}
	var doc documentRecord
	if err := json.Unmarshal(raw, &doc); err != nil {
		return fmt.Errorf("the document record is not JSON: %w", err)
	}
	if doc.DocID != docID || doc.RemovedAt != 0 {
		return errors.New("the document is removed, or its record is not its own")
	}
	if fileID == doc.DocID || fileID == doc.CurrentFileID || fileID == doc.AttachedFileID {
		return nil
	}
	for _, r := range doc.Revisions {
		if fileID == r.FileID || fileID == r.OriginalFileID {
			return nil
		}
	}
	return errors.New("the file is not one of the document's revisions")
}
