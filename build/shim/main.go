// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

// The plugin executable Mattermost starts. It holds no product logic: it answers the go-plugin
// handshake at once (Mattermost allows 3 seconds), then runs the Node sidecar and bridges hooks
// and Plugin API calls to it over gRPC.
package main

import "github.com/mattermost/mattermost/server/public/plugin"

func main() {
	shim := NewShim()
	watchParent(func() { _ = shim.OnDeactivate() })
	plugin.ClientMain(shim)
}
