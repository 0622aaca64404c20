// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"net/http"
	"strings"
	"unicode/utf8"
)

// Go's HTTP server lets bytes that are not UTF-8 through in the request URI and header values.
// The app reads the raw request URI with decodeURIComponent, which throws on them, and no
// header it reads takes them: such a URI is refused here with 400, such header bytes become
// U+FFFD. (Written when the bridge carried both as protobuf strings, which must be UTF-8.)

// validUTF8Request returns r with every header value made valid UTF-8 (invalid bytes become
// U+FFFD, which no header we read accepts), or false when the request URI itself is not UTF-8.
func validUTF8Request(r *http.Request) (*http.Request, bool) {
	if !utf8.ValidString(r.RequestURI) || !utf8.ValidString(r.URL.RawQuery) || !utf8.ValidString(r.URL.EscapedPath()) || !utf8.ValidString(r.Host) {
		return r, false
	}
	clean := true
	for _, values := range r.Header {
		for _, v := range values {
			if !utf8.ValidString(v) {
				clean = false
			}
		}
	}
	if clean {
		return r, true
	}
	header := make(http.Header, len(r.Header))
	for name, values := range r.Header {
		fixed := make([]string, len(values))
		for i, v := range values {
			fixed[i] = strings.ToValidUTF8(v, "\uFFFD")
		}
		header[strings.ToValidUTF8(name, "\uFFFD")] = fixed
	}
	out := r.Clone(r.Context())
	out.Header = header
	out.Body = r.Body
	return out, true
}

func writeBadRequestURI(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusBadRequest)
	_, _ = w.Write([]byte("The request URI is not valid UTF-8.\n"))
}
