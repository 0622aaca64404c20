// Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.

package main

import (
	"context"
	"net/http"
	"strconv"

	"github.com/mattermost/mattermost/server/public/model"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// appError turns a Mattermost AppError into a gRPC status; the AppError's id and HTTP status
// travel in the trailer so that the sidecar can tell "not found" from "forbidden".
func appError(ctx context.Context, err *model.AppError) error {
	if err == nil {
		return nil
	}
	_ = grpc.SetTrailer(ctx, metadata.Pairs("mm-error-id", err.Id, "mm-status", strconv.Itoa(err.StatusCode)))
	return status.Error(codeFor(err.StatusCode), err.Error())
}

// plainError reports an error that Mattermost returned as a plain Go error.
func plainError(err error) error {
	if err == nil {
		return nil
	}
	if appErr, ok := err.(*model.AppError); ok {
		return status.Error(codeFor(appErr.StatusCode), appErr.Error())
	}
	return status.Error(codes.Unknown, err.Error())
}

func codeFor(httpStatus int) codes.Code {
	switch httpStatus {
	case http.StatusBadRequest:
		return codes.InvalidArgument
	case http.StatusUnauthorized:
		return codes.Unauthenticated
	case http.StatusForbidden:
		return codes.PermissionDenied
	case http.StatusNotFound:
		return codes.NotFound
	case http.StatusConflict:
		return codes.Aborted
	case http.StatusRequestEntityTooLarge:
		return codes.ResourceExhausted
	case http.StatusNotImplemented:
		return codes.Unimplemented
	case http.StatusServiceUnavailable:
		return codes.Unavailable
	default:
		return codes.Internal
	}
}
