// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// minNodeMajor is the oldest Node.js the sidecar bundle is built for.
const minNodeMajor = 20

// findNode picks the Node runtime: the one shipped in the bundle for this platform, else the
// NodePath setting, else `node` on the PATH. The error tells the admin what to do.
func findNode(bundlePath, nodePathSetting string) (string, error) {
	candidates := []string{}
	bundled := filepath.Join(bundlePath, "server", "node", runtime.GOOS+"-"+goArchToNode(runtime.GOARCH), "bin", "node")
	if _, err := os.Stat(bundled); err == nil {
		candidates = append(candidates, bundled)
	}
	if nodePathSetting != "" {
		candidates = append(candidates, nodePathSetting)
	}
	if p, err := exec.LookPath("node"); err == nil {
		candidates = append(candidates, p)
	}
	if len(candidates) == 0 {
		return "", fmt.Errorf("no Node.js runtime found: this plugin bundle carries none for %s-%s. Install Node.js %d or later on the Mattermost server and set its path in System Console > Plugins > Collabora Online > Node.js executable, or install the plugin bundle built for this platform", runtime.GOOS, runtime.GOARCH, minNodeMajor)
	}
	var problems []string
	for _, c := range candidates {
		major, err := nodeMajorVersion(c)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", c, err))
			continue
		}
		if major < minNodeMajor {
			problems = append(problems, fmt.Sprintf("%s is Node.js %d", c, major))
			continue
		}
		return c, nil
	}
	return "", fmt.Errorf("no usable Node.js runtime (%s). Install Node.js %d or later and set its path in System Console > Plugins > Collabora Online > Node.js executable", strings.Join(problems, "; "), minNodeMajor)
}

func nodeMajorVersion(path string) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return 0, fmt.Errorf("cannot run it: %v", err)
	}
	v := strings.TrimPrefix(strings.TrimSpace(string(out)), "v")
	major, err := strconv.Atoi(strings.SplitN(v, ".", 2)[0])
	if err != nil {
		return 0, fmt.Errorf("unexpected version %q", v)
	}
	return major, nil
}

// goArchToNode maps Go's architecture names to Node's (as in the node-linux-* npm packages).
func goArchToNode(arch string) string {
	if arch == "amd64" {
		return "x64"
	}
	return arch
}
