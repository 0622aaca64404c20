// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"sync"

	"github.com/mattermost/mattermost/server/public/model"
	"github.com/mattermost/mattermost/server/public/plugin"
	"github.com/mattermost/mattermost/server/v8/platform/shared/filestore"
)

// fileStore is Mattermost's file store, opened by the shim itself with Mattermost's own
// filestore package and the settings Mattermost builds its store from (platform/service.go:
// the unsanitized FileSettings, the licence's compliance flag for SSE, insecure outgoing
// connections for TLS verification; the Cloud proxy flag, MM_CLOUD_FILESTORE_BIFROST, is read
// by the package from the environment, which Mattermost passes on to plugins). The Plugin API
// returns a whole file at once through net/rpc (GetFile), so the shim reads revisions straight
// from the store in bounded pieces instead, and removes the bytes of revisions nobody shows.
// The settings, secrets among them, stay in the shim: Node gets only sidecarConfig.
type fileStore struct {
	api plugin.API

	mu      sync.RWMutex
	backend filestore.FileBackend // nil when the store cannot be opened
	reason  string                // why backend is nil
	logged  string                // the reason last logged, so each reason is logged once
}

func newFileStore(api plugin.API) *fileStore {
	s := &fileStore{api: api}
	s.rebuild()
	return s
}

// rebuild opens the store again from the current configuration (OnConfigurationChange).
func (s *fileStore) rebuild() {
	backend, err := openFileStore(s.api.GetUnsanitizedConfig(), s.api.GetLicense())
	s.mu.Lock()
	defer s.mu.Unlock()
	s.backend = backend
	s.reason = ""
	if err != nil {
		s.reason = err.Error()
		if s.logged != s.reason {
			s.logged = s.reason
			s.api.LogWarn("Collabora Online reads documents through the Plugin API (a whole copy in memory per read): Mattermost's file store cannot be opened directly", "reason", s.reason)
		}
		return
	}
	s.logged = ""
}

// get returns the store, or nil and why it cannot be used.
func (s *fileStore) get() (filestore.FileBackend, string) {
	if s == nil {
		return nil, "no file store"
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.backend, s.reason
}

func openFileStore(cfg *model.Config, license *model.License) (filestore.FileBackend, error) {
	settings, err := fileStoreSettings(cfg, license)
	if err != nil {
		return nil, err
	}
	backend, err := filestore.NewFileBackend(settings)
	if err != nil {
		return nil, fmt.Errorf("driver %q: %w", settings.DriverName, err)
	}
	return backend, nil
}

// fileStoreSettings are the settings Mattermost opens its own store with.
func fileStoreSettings(cfg *model.Config, license *model.License) (filestore.FileBackendSettings, error) {
	if cfg == nil {
		return filestore.FileBackendSettings{}, errors.New("the server configuration could not be read")
	}
	compliance := license != nil && license.Features != nil && license.Features.Compliance != nil && *license.Features.Compliance
	insecure := cfg.ServiceSettings.EnableInsecureOutgoingConnections != nil && *cfg.ServiceSettings.EnableInsecureOutgoingConnections
	fs := cfg.FileSettings
	zeroNilSettings(&fs)
	if *fs.DriverName == model.ImageDriverLocal {
		// Mattermost opens a relative directory against its working directory, which its plugin
		// supervisor passes on to the plugin process unchanged (exec.Command without Dir).
		dir, err := filepath.Abs(*fs.Directory)
		if err != nil {
			return filestore.FileBackendSettings{}, fmt.Errorf("cannot resolve the file directory: %w", err)
		}
		fs.Directory = &dir
	}
	return filestore.NewFileBackendSettingsFromConfig(&fs, compliance, insecure), nil
}

// zeroNilSettings gives every unset setting its zero value. The configuration reaches a plugin
// through net/rpc and gob, which does not send zero values: a setting that is false, 0 or ""
// in Mattermost arrives unset, and the filestore package reads an unset AmazonS3SSL as true.
func zeroNilSettings(fs *model.FileSettings) {
	v := reflect.ValueOf(fs).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() == reflect.Pointer && f.IsNil() && f.CanSet() {
			f.Set(reflect.New(f.Type().Elem()))
		}
	}
}
