#!/usr/bin/env bash
# Runs jmdcm_postgres_bench against a throwaway cluster (tests/postgres/cluster.sh), stopped
# and removed on exit, also when the benchmark fails. Arguments go to the benchmark.
# Usage: benchmarks/postgres_bench.sh BUILD_DIR [benchmark options]
set -euo pipefail
build="$1"; shift
here="$(cd "$(dirname "$0")" && pwd)"
dir="$(mktemp -d /tmp/jmdcm-pgbench-XXXXXX)"
trap '"$here/../tests/postgres/cluster.sh" stop "$dir" >/dev/null' EXIT
"$here/../tests/postgres/cluster.sh" start "$dir" >/dev/null
JMDCM_BENCH_PG="host=$dir user=postgres dbname=postgres" "$build/benchmarks/jmdcm_postgres_bench" "$@"
