// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import "github.com/mattermost/mattermost/server/public/model"

// sidecarConfig is the server configuration Node gets: Mattermost's sanitized config (the Plugin
// API's GetConfig masks the S3 secret key and the database DSNs, but not the S3 access key id,
// bucket, endpoint or the data directory) without where and how files are stored. The plugin
// reads and writes files through the Plugin API only, so it never needs them; keeping them out
// of Node means no code there can come to depend on them. Only the FileSettings that say what
// users may do with files pass.
func sidecarConfig(cfg *model.Config) *model.Config {
	if cfg == nil {
		return nil
	}
	out := *cfg
	fs := cfg.FileSettings
	out.FileSettings = model.FileSettings{
		EnableFileAttachments:      fs.EnableFileAttachments,
		EnableMobileUpload:         fs.EnableMobileUpload,
		EnableMobileDownload:       fs.EnableMobileDownload,
		MaxFileSize:                fs.MaxFileSize,
		MaxImageResolution:         fs.MaxImageResolution,
		MaxImageDecoderConcurrency: fs.MaxImageDecoderConcurrency,
		EnablePublicLink:           fs.EnablePublicLink,
		ExtractContent:             fs.ExtractContent,
		ArchiveRecursion:           fs.ArchiveRecursion,
		InitialFont:                fs.InitialFont,
	}
	return &out
}
