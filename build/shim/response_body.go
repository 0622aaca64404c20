// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"errors"
	"io"
	"net/http"
	"sync"
)

// Behind Mattermost each Read of a request body is a net/rpc round trip, and each Write of a
// response two (SyncHeader, Write) and each Flush one (plugin/http.go): bodies cross in filled
// 1 MiB pieces, not in the 32 KiB a plain copy uses (a 100 MiB download cost about 4,800 round
// trips at 64 KiB).
const bodyChunkSize = 1 << 20

// chunkPool keeps the 1 MiB buffers: allocating one per request (fresh pages, then GC) cost
// about a millisecond each, more than the request itself.
var chunkPool = sync.Pool{New: func() any { b := make([]byte, bodyChunkSize); return &b }}

// bodyBuffer is a buffer for a body of the given length (-1: unknown): its own when the body
// is small, else one from the pool, which release gives back.
func bodyBuffer(length int64) (buf []byte, release func()) {
	if length >= 0 && length < bodyChunkSize {
		return make([]byte, max(length, 512)), func() {}
	}
	pooled := chunkPool.Get().(*[]byte)
	var once sync.Once
	return *pooled, func() { once.Do(func() { chunkPool.Put(pooled) }) }
}

// filledReader reads its source in filled chunks (up to bodyChunkSize, or the announced
// length when smaller), however small the reads its caller makes.
type filledReader struct {
	src     io.ReadCloser
	buf     []byte
	release func()
	r, w    int
	err     error
}

func newFilledReader(src io.ReadCloser, announced int64) *filledReader {
	buf, release := bodyBuffer(announced)
	return &filledReader{src: src, buf: buf, release: release}
}

func (f *filledReader) fill() {
	if f.r < f.w || f.err != nil {
		return
	}
	n, err := io.ReadFull(f.src, f.buf)
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = io.EOF // the last, partly filled chunk
	}
	f.r, f.w, f.err = 0, n, err
}

// peek waits for the first bytes (one read, so a trickling body is not held back); an error
// means there are none.
func (f *filledReader) peek() (int, error) {
	for f.r == f.w && f.err == nil {
		n, err := f.src.Read(f.buf)
		f.r, f.w, f.err = 0, n, err
	}
	if f.r == f.w {
		return 0, f.err
	}
	return f.w - f.r, nil
}

func (f *filledReader) Read(p []byte) (int, error) {
	f.fill()
	if f.r == f.w {
		return 0, f.err
	}
	n := copy(p, f.buf[f.r:f.w])
	f.r += n
	return n, nil
}

// Close ends the body; the buffer goes back to the pool (nothing reads it afterwards: the
// HTTP client closes a request body once it is done with it).
func (f *filledReader) Close() error {
	f.release()
	return f.src.Close()
}

// copyResponseBody copies the app's answer to w. A body of known length (a file) goes in
// filled 1 MiB Writes. A body of unknown length may be a stream (a few bytes now and then), so
// whatever each read brings is written and flushed at once. It returns false when writing
// failed (the client went away); a failed read just ends the body, which the client sees as
// short.
func copyResponseBody(w http.ResponseWriter, body io.Reader, length int64) bool {
	sized := length >= 0
	buf, release := bodyBuffer(length)
	defer release()
	flusher, _ := w.(http.Flusher)
	for {
		var n int
		var err error
		if sized {
			n, err = io.ReadFull(body, buf)
		} else {
			n, err = body.Read(buf)
		}
		if n > 0 {
			if _, werr := w.Write(buf[:n]); werr != nil {
				return false
			}
			if !sized && flusher != nil {
				flusher.Flush()
			}
		}
		if err != nil {
			return true
		}
	}
}
