// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"os"
	"time"
)

// watchParent ends the plugin process when Mattermost goes away without stopping it (a crash or
// SIGKILL): go-plugin only stops plugins its host asks to stop, so an orphaned shim would keep
// its Node sidecar running. Reparenting shows up as a changed parent process id.
func watchParent(onOrphaned func()) {
	parent := os.Getppid()
	go func() {
		for range time.Tick(time.Second) {
			if os.Getppid() != parent {
				onOrphaned()
				os.Exit(0)
			}
		}
	}()
}
