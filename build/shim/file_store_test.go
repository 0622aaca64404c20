// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// gobRoundTrip is the configuration as a plugin receives it (net/rpc with gob).
func gobRoundTrip(t *testing.T, cfg *model.Config) *model.Config {
	t.Helper()
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(cfg); err != nil {
		t.Fatal(err)
	}
	var out model.Config
	if err := gob.NewDecoder(&buf).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return &out
}

func TestFileStoreSettingsAreMattermostsEvenWhereGobDroppedFalse(t *testing.T) {
	cfg := &model.Config{}
	cfg.SetDefaults()
	*cfg.FileSettings.DriverName = model.ImageDriverS3
	*cfg.FileSettings.AmazonS3SSL = false
	*cfg.FileSettings.AmazonS3Endpoint = "127.0.0.1:9000"
	*cfg.FileSettings.AmazonS3Bucket = "files"
	*cfg.FileSettings.AmazonS3SecretAccessKey = "secret"
	*cfg.FileSettings.AmazonS3SSE = true
	received := gobRoundTrip(t, cfg)
	if received.FileSettings.AmazonS3SSL != nil {
		t.Fatal("gob kept a false setting: this test no longer shows the problem it guards against")
	}
	got, err := fileStoreSettings(received, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got.AmazonS3SSL || got.AmazonS3Endpoint != "127.0.0.1:9000" || got.AmazonS3Bucket != "files" || got.AmazonS3SecretAccessKey != "secret" {
		t.Fatalf("settings %+v", got)
	}
	// SSE needs the licence's compliance feature, as in Mattermost.
	if got.AmazonS3SSE {
		t.Fatal("SSE without a compliance licence")
	}
	compliance := true
	licensed, _ := fileStoreSettings(received, &model.License{Features: &model.Features{Compliance: &compliance}})
	if !licensed.AmazonS3SSE {
		t.Fatal("SSE with a compliance licence was dropped")
	}
}

func TestLocalDirectoryResolvesAgainstTheWorkingDirectory(t *testing.T) {
	cfg := &model.Config{}
	cfg.SetDefaults()
	*cfg.FileSettings.Directory = "./data/"
	got, err := fileStoreSettings(gobRoundTrip(t, cfg), nil)
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := os.Getwd()
	if got.Directory != filepath.Join(wd, "data") {
		t.Fatalf("directory %q, want %q", got.Directory, filepath.Join(wd, "data"))
	}
}
