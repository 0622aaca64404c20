// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/mattermost/mattermost/server/public/plugin"
)

const keptErrorLines = 10

// logForwarder sends the sidecar's output to the Mattermost log. The sidecar writes one JSON
// object per line ({"level","msg",...fields}); anything else is logged as it is.
type logForwarder struct {
	api plugin.API

	mu     sync.Mutex
	errors []string // the last lines written to stderr, for activation errors
}

func newLogForwarder(api plugin.API) *logForwarder {
	return &logForwarder{api: api}
}

func (f *logForwarder) forward(r io.Reader, isStderr bool) {
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for scanner.Scan() {
		line := scanner.Text()
		var entry map[string]any
		if err := json.Unmarshal([]byte(line), &entry); err != nil || entry["msg"] == nil {
			if isStderr {
				f.remember(line)
				f.api.LogError(line, "source", "sidecar")
			} else {
				f.api.LogInfo(line, "source", "sidecar")
			}
			continue
		}
		f.log(entry)
	}
}

func (f *logForwarder) log(entry map[string]any) {
	msg := fmt.Sprint(entry["msg"])
	level := fmt.Sprint(entry["level"])
	keys := make([]string, 0, len(entry))
	for k := range entry {
		if k != "msg" && k != "level" && k != "time" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	kv := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		kv = append(kv, k, fmt.Sprint(entry[k]))
	}
	switch level {
	case "debug":
		f.api.LogDebug(msg, kv...)
	case "warn":
		f.api.LogWarn(msg, kv...)
	case "error":
		f.remember(msg)
		f.api.LogError(msg, kv...)
	default:
		f.api.LogInfo(msg, kv...)
	}
}

func (f *logForwarder) remember(line string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, line)
	if len(f.errors) > keptErrorLines {
		f.errors = f.errors[len(f.errors)-keptErrorLines:]
	}
}

func (f *logForwarder) lastErrors() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.errors...)
}
