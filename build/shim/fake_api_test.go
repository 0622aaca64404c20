// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
)

// fakeAPI is the part of Mattermost's Plugin API the shim and the sidecar use at start-up. The
// embedded interface is nil: a call to anything else panics, so a test notices it.
type fakeAPI struct {
	plugin.API
	bundlePath string

	mu            sync.Mutex
	config        map[string]any
	logs          []string
	commands      []string
	kvGets        []string
	serverVersion string
	kv            map[string][]byte
	serverConfig  *model.Config
}

func newFakeAPI(t testing.TB) *fakeAPI {
	t.Helper()
	script, err := filepath.Abs("../../server-ts/dist/main.js")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(script); err != nil {
		t.Fatalf("the sidecar is not built (%v): run `make server-ts` (or `npm run build -w server-ts`) first", err)
	}
	bundle := t.TempDir()
	if err := os.MkdirAll(filepath.Join(bundle, "server-ts", "dist"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(script, filepath.Join(bundle, "server-ts", "dist", "main.js")); err != nil {
		t.Fatal(err)
	}
	return &fakeAPI{bundlePath: bundle, config: map[string]any{"CollaboraUrl": ""}, serverVersion: "11.4.0", kv: map[string][]byte{}}
}

func (f *fakeAPI) GetBundlePath() (string, error) { return f.bundlePath, nil }

// The server configuration as the shim opens the file store from it; nil (no store: the shim
// reads files through the Plugin API) unless a test sets one.
func (f *fakeAPI) GetUnsanitizedConfig() *model.Config {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.serverConfig
}

func (f *fakeAPI) GetLicense() *model.License { return nil }
func (f *fakeAPI) GetServerVersion() string   { return f.serverVersion }

// The KV store as the sidecar's start-up check probes it: compare-and-set, no expiry.
func (f *fakeAPI) KVSetWithOptions(key string, value []byte, o model.PluginKVSetOptions) (bool, *model.AppError) {
	f.mu.Lock()
	defer f.mu.Unlock()
	old, exists := f.kv[key]
	if o.Atomic && ((o.OldValue == nil && exists) || (o.OldValue != nil && (!exists || string(old) != string(o.OldValue)))) {
		return false, nil
	}
	if value == nil {
		delete(f.kv, key)
	} else {
		f.kv[key] = value
	}
	return true, nil
}

func (f *fakeAPI) KVDelete(key string) *model.AppError {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.kv, key)
	return nil
}

func (f *fakeAPI) GetPluginConfig() map[string]any {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]any{}
	for k, v := range f.config {
		out[k] = v
	}
	return out
}

func (f *fakeAPI) SavePluginConfig(cfg map[string]any) *model.AppError {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.config = cfg
	return nil
}

func (f *fakeAPI) setConfig(key string, value any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.config[key] = value
}

func (f *fakeAPI) RegisterCommand(cmd *model.Command) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.commands = append(f.commands, cmd.Trigger)
	return nil
}

func (f *fakeAPI) record(level, msg string, kv ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, level+": "+msg+" "+fmt.Sprint(kv...))
}

func (f *fakeAPI) LogDebug(msg string, kv ...any) { f.record("debug", msg, kv...) }
func (f *fakeAPI) LogInfo(msg string, kv ...any)  { f.record("info", msg, kv...) }
func (f *fakeAPI) LogWarn(msg string, kv ...any)  { f.record("warn", msg, kv...) }
func (f *fakeAPI) LogError(msg string, kv ...any) { f.record("error", msg, kv...) }

func (f *fakeAPI) logLines() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.logs...)
}

func (f *fakeAPI) GetConfig() *model.Config {
	cfg := &model.Config{}
	cfg.SetDefaults()
	siteURL := "http://127.0.0.1:8065"
	cfg.ServiceSettings.SiteURL = &siteURL
	return cfg
}

// KVGet answers from the fake store (empty unless the start-up probe wrote) and remembers what
// the sidecar asked for.
func (f *fakeAPI) KVGet(key string) ([]byte, *model.AppError) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.kvGets = append(f.kvGets, key)
	return f.kv[key], nil
}

func (f *fakeAPI) kvGetsWithPrefix(prefix string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, k := range f.kvGets {
		if len(k) >= len(prefix) && k[:len(prefix)] == prefix {
			out = append(out, k)
		}
	}
	return out
}
