// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"reflect"
	"strings"
	"testing"

	"github.com/mattermost/mattermost/server/public/model"
)

// Every FileSettings field set, so a field Mattermost adds later is checked too.
func fullFileSettings() model.FileSettings {
	var fs model.FileSettings
	fs.SetDefaults(false)
	v := reflect.ValueOf(&fs).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if f.Kind() == reflect.Pointer && f.IsNil() {
			f.Set(reflect.New(f.Type().Elem()))
		}
	}
	*fs.DriverName = model.ImageDriverS3
	*fs.Directory = "/var/mattermost/data"
	*fs.AmazonS3AccessKeyId = "AKIAEXAMPLE"
	*fs.AmazonS3SecretAccessKey = model.FakeSetting
	*fs.AmazonS3Bucket = "files"
	*fs.AmazonS3Endpoint = "s3.example.com"
	*fs.ExportAmazonS3AccessKeyId = "AKIAEXPORT"
	*fs.MaxFileSize = 123
	return fs
}

func TestSidecarConfigDropsFileStoreSettings(t *testing.T) {
	in := &model.Config{FileSettings: fullFileSettings()}
	in.ServiceSettings.SiteURL = model.NewPointer("https://mm.example.com")
	out := sidecarConfig(in)

	kept := map[string]bool{
		"EnableFileAttachments": true, "EnableMobileUpload": true, "EnableMobileDownload": true, "MaxFileSize": true,
		"MaxImageResolution": true, "MaxImageDecoderConcurrency": true, "EnablePublicLink": true, "ExtractContent": true,
		"ArchiveRecursion": true, "InitialFont": true,
	}
	v := reflect.ValueOf(out.FileSettings)
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		f := v.Field(i)
		if kept[name] {
			if f.IsNil() {
				t.Errorf("FileSettings.%s was dropped; the sidecar may need it", name)
			}
			continue
		}
		if !f.IsZero() {
			t.Errorf("FileSettings.%s reaches the sidecar", name)
		}
	}
	if *out.FileSettings.MaxFileSize != 123 || *out.ServiceSettings.SiteURL != "https://mm.example.com" {
		t.Errorf("settings the sidecar reads were changed")
	}
	// The caller's config is not changed.
	if *in.FileSettings.AmazonS3Bucket != "files" {
		t.Errorf("sidecarConfig changed its input")
	}
	data, err := encode(out)
	if err != nil {
		t.Fatal(err)
	}
	// Values only: the field names stay in the JSON, with null.
	for _, s := range []string{`"AKIAEXAMPLE"`, `"AKIAEXPORT"`, `"s3.example.com"`, `"/var/mattermost/data"`, `"` + model.ImageDriverS3 + `"`, `"files"`} {
		if strings.Contains(string(data), s) {
			t.Errorf("the config JSON for Node still holds %q", s)
		}
	}
	if sidecarConfig(nil) != nil {
		t.Errorf("a nil config must stay nil")
	}
}
