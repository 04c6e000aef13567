#!/usr/bin/env bash
# `bulletin-bench backends` (issue 12, BENCHMARKS.md "Issue 12: PostgreSQL and several nodes") on a throwaway
# PostgreSQL cluster of its own: starts one on loopback as `Tests/run-all.sh` does (Tests/postgres-cluster.sh; fsync
# ON here, since the benchmark measures durable commits), builds the release binaries, runs the benchmark with
# the arguments given (e.g. `--quick`, `--nodes 3`), and stops and deletes the cluster whatever happens.
#
#   bash Tests/bench-backends.sh            # the full run: 10,000 articles and changes, 1,000 sessions
#   bash Tests/bench-backends.sh --quick    # a smoke run
set -euo pipefail
cd "$(dirname "$0")/.."
POSTGRES_SETTINGS=""
source Tests/postgres-cluster.sh
trap stop_postgres EXIT

install_postgres
start_postgres
swift build -c release
BULLETIN_BENCH_POSTGRES_URL="$BULLETIN_TEST_POSTGRES_URL" .build/release/bulletin-bench backends "$@"
