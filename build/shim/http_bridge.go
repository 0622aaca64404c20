// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/mattermost/mattermost/server/public/plugin"
	"golang.org/x/net/http/httpguts"
)

// ServeHTTP requests go to the sidecar's HTTP app as plain HTTP/1.1 over its private unix
// socket, streamed both ways by Go's HTTP client. A gRPC stream per request (the first design)
// cost 2.0 to 3.8 ms at the shim and a second pass of every body through Node; this costs 0.33
// to 0.65 ms (BenchmarkBridgeRoundTrip, bench/RESULTS.md).

// The headers the shim sets on each request, carrying what it vouches for; the same names live
// in server-ts/src/http/bridge_headers.ts. Any client-sent header with the prefix is dropped.
const (
	bridgeHeaderPrefix = "X-Collabora-Bridge-"
	// The raw RequestURI, URI-encoded: it keeps `access_token`, which Mattermost strips from
	// the query the plugin sees.
	headerRequestURI = bridgeHeaderPrefix + "Request-Uri"
	headerRemoteAddr = bridgeHeaderPrefix + "Remote-Addr"
	// The client address as Mattermost sees it (honouring its trusted proxy header).
	headerClientIP  = bridgeHeaderPrefix + "Client-Ip"
	headerSessionID = bridgeHeaderPrefix + "Session-Id"
	// The shim can send a Mattermost file as a response body itself; the app then answers with
	// headerSendFile naming the file instead of streaming its bytes (send_file.go).
	headerCanSendFile = bridgeHeaderPrefix + "Can-Send-File"
	headerSendFile    = bridgeHeaderPrefix + "Send-File"
)

// Headers that describe one hop, not the message (RFC 9110 section 7.6.1).
var hopByHop = []string{"Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Te", "Trailer", "Upgrade"}

// nodeMethods are the methods Node's HTTP parser knows (node:http METHODS, less CONNECT); it
// drops the connection on any other, which would look like a broken sidecar.
var nodeMethods = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`ACL BIND CHECKOUT COPY DELETE GET HEAD LINK LOCK M-SEARCH MERGE MKACTIVITY
		MKCALENDAR MKCOL MOVE NOTIFY OPTIONS PATCH POST PROPFIND PROPPATCH PURGE PUT QUERY REBIND REPORT
		SEARCH SOURCE SUBSCRIBE TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE`) {
		nodeMethods[m] = true
	}
}

// newAppTransport reaches the sidecar's HTTP app. Idle connections close after 30 s, before the
// app's 72 s keep-alive timeout, so a request never goes out on a socket the app is closing.
func newAppTransport(socket string) *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "unix", socket)
		},
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     30 * time.Second,
		DisableCompression:  true,
		WriteBufferSize:     64 << 10,
		ReadBufferSize:      64 << 10,
	}
}

// shimAPI is the part of the Plugin API that serving requests needs.
type shimAPI interface {
	fileSource
	bodyUploader
}

// serveHTTP hands one request to the sidecar's app and streams its answer back. When the client
// goes away (a failed write or a short body), the app's request is aborted.
func serveHTTP(app http.RoundTripper, files shimAPI, store *fileStore, c *plugin.Context, w http.ResponseWriter, r *http.Request) {
	if !nodeMethods[r.Method] {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusNotImplemented)
		_, _ = io.WriteString(w, `{"error":"Not Implemented","code":"METHOD_NOT_SUPPORTED","message":"The request method is not supported."}`)
		return
	}
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	inner, status := appRequest(ctx, c, r)
	if status == http.StatusRequestHeaderFieldsTooLarge {
		http.Error(w, "The request's headers are too large.", status)
		return
	}
	if status != http.StatusOK {
		http.Error(w, "The request has a header that cannot be handled.", http.StatusBadRequest)
		return
	}
	storeSize := storeBodyLength(r)
	if storeSize > 0 {
		// The head only: the body waits until the app agreed to the save (store_body.go).
		inner.Body, inner.ContentLength = http.NoBody, 0
		inner.Header.Set(headerCanStoreBody, strconv.FormatInt(storeSize, 10))
	}
	resp, err := app.RoundTrip(inner)
	if err == nil && storeSize > 0 && resp.Header.Get(headerStoreBody) != "" {
		resp, err = storeBodyAndReport(ctx, app, files, store, c, r, resp, storeSize)
	}
	if err != nil {
		// Requests the app could not parse are refused above, so a failed round trip means the
		// sidecar is down or went away mid-request (it is restarted): try again shortly. Unless
		// the client went away, and nobody reads an answer.
		if r.Context().Err() == nil {
			writeUnavailable(w)
		}
		return
	}
	defer resp.Body.Close()
	if fileID := resp.Header.Get(headerSendFile); fileID != "" {
		sendFile(files, store, documentOfPath(r.URL.Path), fileID, resp, w)
		return
	}
	copyResponseHeaders(w, resp)
	w.WriteHeader(resp.StatusCode)
	if !copyResponseBody(w, resp.Body, resp.ContentLength) {
		cancel()
	}
}

// copyResponseHeaders gives the client the app's response headers, less hop-by-hop ones and
// the bridge's own.
func copyResponseHeaders(w http.ResponseWriter, resp *http.Response) {
	for name, values := range resp.Header {
		if !strings.HasPrefix(name, bridgeHeaderPrefix) {
			w.Header()[name] = values
		}
	}
	for _, name := range hopByHop {
		w.Header().Del(name)
	}
}

// maxAppHead bounds the request head the app is sent. Node's parser answers a larger head with
// 431 and closes the connection while it is still being written, which the shim would see as a
// broken pipe; the app's server allows 64 KiB (app.ts), the shim refuses above 60 KiB itself.
// Mattermost lets heads of up to 1 MiB through.
const maxAppHead = 60 << 10

// appRequest is the request the app receives: the client's method, path and headers (less
// hop-by-hop and bridge headers), plus the bridge headers. Otherwise the status to refuse it
// with: 400 when a header could not be sent (Go's client refuses control characters, which
// Mattermost's server let through), 431 when the head is too large for the app.
func appRequest(ctx context.Context, c *plugin.Context, r *http.Request) (*http.Request, int) {
	header := make(http.Header, len(r.Header)+4)
	size := len(r.Method) + len(r.RequestURI) + len(r.Host) + 64
	for name, values := range r.Header {
		if !httpguts.ValidHeaderFieldName(name) {
			return nil, http.StatusBadRequest
		}
		for _, v := range values {
			if !httpguts.ValidHeaderFieldValue(v) {
				return nil, http.StatusBadRequest
			}
			size += len(name) + len(v) + 4
		}
		if !strings.HasPrefix(http.CanonicalHeaderKey(name), bridgeHeaderPrefix) {
			header[name] = values
		}
	}
	for _, name := range hopByHop {
		header.Del(name)
	}
	// Mattermost's server already answered any 100-continue; the body is on its way.
	header.Del("Expect")
	if header.Get("User-Agent") == "" {
		header.Set("User-Agent", "") // not Go's default
	}
	encodedURI := encodeURIComponent(r.RequestURI)
	if size+len(encodedURI)+256 > maxAppHead {
		return nil, http.StatusRequestHeaderFieldsTooLarge
	}
	header.Set(headerRequestURI, encodedURI)
	header.Set(headerRemoteAddr, r.RemoteAddr)
	if r.Method == http.MethodGet {
		header.Set(headerCanSendFile, "1")
	}
	if c != nil {
		header.Set(headerClientIP, c.IPAddress)
		header.Set(headerSessionID, c.SessionId)
	}
	host := r.Host
	if host == "" {
		host = "localhost"
	}
	inner := (&http.Request{
		Method:     r.Method,
		URL:        &url.URL{Scheme: "http", Host: host, Path: r.URL.Path, RawPath: r.URL.RawPath, RawQuery: r.URL.RawQuery},
		Proto:      "HTTP/1.1",
		ProtoMajor: 1,
		ProtoMinor: 1,
		Header:     header,
		Host:       host,
	}).WithContext(ctx)
	inner.Body, inner.ContentLength = requestBody(r)
	return inner, http.StatusOK
}

// requestBody is the client's body read in filled messages, and its length (-1: unknown, sent
// chunked). Mattermost's plugin RPC rebuilds the request without ContentLength or
// TransferEncoding, so the Content-Length header tells the length, and a body without one is
// looked at: most are empty (a GET), and an empty body must not become a chunked one.
func requestBody(r *http.Request) (io.ReadCloser, int64) {
	length := announcedLength(r)
	if r.Body == nil || length == 0 {
		return http.NoBody, 0
	}
	body := newFilledReader(r.Body, length)
	if length > 0 {
		return body, length
	}
	if _, err := body.peek(); err != nil {
		_ = body.Close()
		return http.NoBody, 0
	}
	return body, -1
}

// announcedLength is the body length the client announced, or -1 when it announced none.
// Mattermost's plugin RPC rebuilds the request without ContentLength (HTTPRequestSubset), so a
// plugin always sees 0 there: the Content-Length header is what the client really sent.
func announcedLength(r *http.Request) int64 {
	if v := r.Header.Get("Content-Length"); v != "" {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil && n >= 0 {
			return n
		}
	}
	if r.ContentLength > 0 {
		return r.ContentLength
	}
	return -1
}

// encodeURIComponent escapes like JavaScript's, so the app's decodeURIComponent reverses it.
func encodeURIComponent(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte("-_.!~*'()", ch) >= 0 {
			b.WriteByte(ch)
		} else {
			b.WriteByte('%')
			b.WriteByte(hex[ch>>4])
			b.WriteByte(hex[ch&15])
		}
	}
	return b.String()
}
