# Copyright (c) 2026 Collabora Online for Mattermost contributors. Licensed under the Apache License 2.0.
#
# The storage variant of the test stack. Sourced (never executed) after stack_env.sh by start.sh,
# stop.sh and s3_server.sh.
#
# STACK_STORAGE=local (default): Mattermost keeps its files in a directory of the run dir.
# STACK_STORAGE=s3: Mattermost keeps them in a bucket of an S3-compatible object store on
# loopback: moto in server mode, from PyPI, in a venv under build/cache/ (see s3_server.sh for
# why moto and not MinIO). Mattermost talks to it through its own S3 driver (minio-go): SigV4,
# no TLS, path-style addressing (minio-go picks path-style for any endpoint that is not AWS,
# Google or Aliyun, so an IP:port endpoint always gets it).
# Everything can be overridden from the environment, e.g. S3_PORT to run two stacks side by side.

STACK_STORAGE="${STACK_STORAGE:-local}"
case "$STACK_STORAGE" in local | s3) ;; *) die "STACK_STORAGE must be local or s3, not '$STACK_STORAGE'" ;; esac

MOTO_VERSION=5.2.5
MOTO_VENV="${MOTO_VENV:-$REPO_ROOT/build/cache/moto-$MOTO_VERSION}"

# Next to Mattermost's port by default, so stacks with different MM_PORTs never share a store.
S3_PORT="${S3_PORT:-$((MM_PORT + 1000))}"
S3_ENDPOINT="127.0.0.1:$S3_PORT"
S3_BUCKET="${S3_BUCKET:-mattermost-files}"
# A path prefix, as many installations share one bucket: Mattermost's files live under it.
S3_PATH_PREFIX="${S3_PATH_PREFIX:-mm-data}"
S3_REGION=us-east-1
# Test-only credentials of the throw-away store. The plugin must never see them (see
# server-ts/src/storage_secrets.test.ts); the tests use them to look into the bucket.
S3_ACCESS_KEY_ID=collabora-e2e-access-key
S3_SECRET_ACCESS_KEY=collabora-e2e-secret-key-not-for-production

# The Mattermost settings of the s3 variant, appended to start.sh's MM_* variables (the later
# assignment of a name wins).
S3_MM_ENV=(
    MM_FILESETTINGS_DRIVERNAME=amazons3
    MM_FILESETTINGS_AMAZONS3ENDPOINT="$S3_ENDPOINT"
    MM_FILESETTINGS_AMAZONS3SSL=false
    MM_FILESETTINGS_AMAZONS3SIGNV2=false
    MM_FILESETTINGS_AMAZONS3SSE=false
    MM_FILESETTINGS_AMAZONS3REGION="$S3_REGION"
    MM_FILESETTINGS_AMAZONS3BUCKET="$S3_BUCKET"
    MM_FILESETTINGS_AMAZONS3PATHPREFIX="$S3_PATH_PREFIX"
    MM_FILESETTINGS_AMAZONS3ACCESSKEYID="$S3_ACCESS_KEY_ID"
    MM_FILESETTINGS_AMAZONS3SECRETACCESSKEY="$S3_SECRET_ACCESS_KEY"
)

# Lines for stack.env: which store the stack uses, and how tests reach it.
storage_stack_env() {
    local run_dir=$1
    echo "export STACK_STORAGE='$STACK_STORAGE'"
    if [[ "$STACK_STORAGE" == s3 ]]; then
        echo "export S3_ENDPOINT_URL='http://$S3_ENDPOINT'"
        echo "export S3_BUCKET='$S3_BUCKET'"
        echo "export S3_PATH_PREFIX='$S3_PATH_PREFIX'"
        echo "export S3_REGION='$S3_REGION'"
        echo "export S3_ACCESS_KEY_ID='$S3_ACCESS_KEY_ID'"
        echo "export S3_SECRET_ACCESS_KEY='$S3_SECRET_ACCESS_KEY'"
    else
        echo "export STACK_FILE_DIR='$run_dir/mm/data'"
    fi
}
