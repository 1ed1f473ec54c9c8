#!/usr/bin/env bash
# The whole pytest suite on PostgreSQL, in a cluster started here and removed at the end
# (also on failure or Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PG_PORT:-18132}
DIR=${PG_DIR:-/tmp/gongkai-ci-pg-$PORT}
trap 'tests/ci/pg.sh stop "$DIR"' EXIT
tests/ci/pg.sh start "$DIR" "$PORT"
export DATABASE_URL="postgres://gongkai@127.0.0.1:$PORT/gongkai"
.venv/bin/pytest -p no:cacheprovider "$@"
