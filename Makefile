# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# The only front door: `make dist` builds the plugin, `make test` passes the tests.

SHELL := /bin/bash
PLUGIN_ID := $(shell node -p "require('./plugin.json').id")
PLUGIN_VERSION := $(shell node -p "require('./plugin.json').version")
GO_BUILD_FLAGS := -trimpath -ldflags "-s -w"
export GOFLAGS ?= -mod=mod
export CGO_ENABLED := 0

.PHONY: all dist test test-unit test-integration test-integration-local test-integration-s3 test-compat test-stress e2e bench check-style proto deploy run clean help server-ts webapp shim

all: dist

help: ## List the targets.
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

server-ts: node_modules/.package-lock.json ## Bundle the Node sidecar into server-ts/dist/main.js.
	npm run build -w server-ts

webapp: node_modules/.package-lock.json ## Build the webapp bundle webapp/dist/main.js.
	npm run build -w webapp

shim: ## Build the Go shim for each architecture.
	cd build/shim && GOOS=linux GOARCH=amd64 go build $(GO_BUILD_FLAGS) -o bin/plugin-linux-amd64 .
	cd build/shim && GOOS=linux GOARCH=arm64 go build $(GO_BUILD_FLAGS) -o bin/plugin-linux-arm64 .

dist: server-ts webapp shim ## Build the plugin bundle(s) in dist/.
	bash build/pack_bundle.sh

test: test-unit test-integration e2e ## Unit tests, the integration tests against a real Mattermost server (files on disk and in S3), and the browser tests.

test-unit: server-ts webapp ## The fast tests: the shim with the real sidecar, server-ts and webapp unit tests.
	cd build/shim && go test -count=1 ./...
	npm test -w server-ts -- --ci
	npm test -w webapp -- --ci --runInBand

test-integration: test-integration-local test-integration-s3 ## The integration tests against a real Mattermost server and PostgreSQL, with files on disk, then in S3.

# The sidecar's test routes are on for the integration tests: some call Plugin API methods no
# user-facing route calls yet (RemoveFileContent). Mattermost passes its environment to plugins.
test-integration-local test-integration-s3 test-compat: export COLLABORA_SIDECAR_TEST_ROUTES := 1

# Every integration test, with Mattermost's files on local disk. Prints how long the run took.
test-integration-local: dist
	@NEEDS=postgres bash e2e/stack/ensure_deps.sh
	@start=$$SECONDS; rc=0; bash e2e/stack/with_stack.sh npx jest -c e2e/jest.config.js --runInBand --ci || rc=$$?; \
	echo "== integration tests, local driver: $$((SECONDS - start)) s (exit $$rc)"; exit $$rc

# The tests whose outcome depends on where Mattermost keeps files, again with its files in an S3
# bucket (moto on loopback: e2e/stack/s3_env.sh). Prints how long the run took.
STORAGE_TESTS := integration/(storage_|wopi_|rights_|document_)
test-integration-s3: dist
	@NEEDS=postgres bash e2e/stack/ensure_deps.sh
	@start=$$SECONDS; rc=0; STACK_STORAGE=s3 bash e2e/stack/with_stack.sh npx jest -c e2e/jest.config.js --runInBand --ci '$(STORAGE_TESTS)' || rc=$$?; \
	echo "== integration tests, s3 driver: $$((SECONDS - start)) s (exit $$rc)"; exit $$rc

# The compatibility pass: the tests that touch Mattermost's APIs (storage, WOPI, rights, plugin
# lifecycle, sidecar, document lifecycle, PDF export, mentions) and the browser happy path, against
# the oldest server the manifest claims (MM_PIN=oldest: e2e/stack/mattermost_version_oldest.env). Prints how long it took.
COMPAT_TESTS := integration/(storage_|wopi_|rights_|plugin_|sidecar_|document_|pdf_|mentions)
test-compat: dist ## The Mattermost-facing integration tests and the browser happy path against the oldest supported server.
	@start=$$SECONDS; rc=0; MM_PIN=oldest bash e2e/stack/with_stack.sh npx jest -c e2e/jest.config.js --runInBand --ci '$(COMPAT_TESTS)' || rc=$$?; \
	if [[ $$rc -eq 0 ]]; then MM_PIN=oldest bash e2e/browser/run.sh view_and_edit || rc=$$?; fi; \
	echo "== compatibility pass, oldest server: $$((SECONDS - start)) s (exit $$rc)"; exit $$rc

e2e: dist ## Browser tests: headless Chromium against a fresh stack, through a host page playing Mattermost's web app.
	bash e2e/browser/run.sh

bench: dist ## Benchmarks, each against a baseline measured in the same run (not tests; results in bench/RESULTS.md).
	bash bench/run.sh

test-stress: dist ## Fuzzing, fault injection, two nodes and load against a real Mattermost (slow).
	bash e2e/stack/with_stack.sh npx jest -c e2e/stress/jest.config.js --runInBand --ci

check-style: node_modules/.package-lock.json ## Lint, type-check, and fail when generated code drifts from the .proto.
	$(MAKE) proto
	git diff --exit-code -- build/shim/gen server-ts/src/gen || (echo "Generated code differs from bridge.proto: run make proto and commit." && exit 1)
	cd server-ts && npx buf lint
	test -z "$$(gofmt -l build/shim)" || (gofmt -l build/shim && exit 1)
	cd build/shim && go vet ./...
	npx tsc --noEmit -p server-ts
	npx tsc --noEmit -p server-ts/tsconfig.test.json
	npx tsc --noEmit -p webapp
	npx eslint .

proto: ## Generate Go and TypeScript code from server-ts/proto/bridge/v1/bridge.proto with local tools only.
	GOBIN=$(CURDIR)/build/bin go install google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12
	GOBIN=$(CURDIR)/build/bin go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2
	cd server-ts && npx buf generate

deploy: dist ## Install the bundle on a running server (local mode socket, or Site URL + admin token/credentials).
	node build/deploy.mjs

run: dist ## Start PostgreSQL and Mattermost with the plugin, for a person to try (Ctrl-C stops).
	bash e2e/stack/run.sh

clean: ## Remove build output (keeps caches).
	rm -rf dist server-ts/dist webapp/dist build/shim/bin
