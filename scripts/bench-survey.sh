#!/usr/bin/env bash
# Measures the survey collection path as issue 4 asks: builds the binary and runs `itas loadgen`
# — complete IIT responses (framework 2563, 51 items) posted over loopback HTTP to the real web
# server by 50 and then 500 concurrent clients, each a distinct phone (its own X-Forwarded-For
# address), next to the raw insert rate of the same rows through the store in the same run.
# Each run uses a fresh database: a SQLite file in a temporary directory, and, when a
# PostgreSQL is at hand, a fresh schema that is dropped afterwards.
#
#   scripts/bench-survey.sh                 SQLite, then PostgreSQL if available; 3 runs each
#   scripts/bench-survey.sh --runs 5        runs per database
#   scripts/bench-survey.sh --sqlite-only   skip PostgreSQL
#   scripts/bench-survey.sh -- --duration 20s --agencies 1000    more flags for itas loadgen
#
# PostgreSQL is $ITAS_TEST_PG, or the throwaway cluster of scripts/pg-test-cluster.sh when it
# runs. That cluster runs with fsync off (its data are thrown away), so its commits cost no
# disk flush: its figures are an upper bound for a real server, where commits are synchronous.
#
# Targets (issue 4, 2-core machine): ≥ 2,000 acknowledged responses/s on SQLite with p99
# < 100 ms at 500 clients, and at least half the raw ceiling.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
pg=1
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --sqlite-only) pg=0 ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-survey.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/itas" ./cmd/itas

flags=(--clients 50,500 --duration 10s --warmup 2s --runs "$runs" "${extra[@]}")

echo "== SQLite ($(nproc) CPUs, $(go env GOVERSION), load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "   itas loadgen --db '' ${flags[*]}"
"$work/itas" loadgen --db "" "${flags[@]}"

if [ "$pg" = 1 ]; then
  dsn=${ITAS_TEST_PG:-}
  if [ -z "$dsn" ] && scripts/pg-test-cluster.sh env >/dev/null 2>&1; then
    eval "$(scripts/pg-test-cluster.sh env)"
    dsn=$ITAS_TEST_PG
  fi
  if [ -n "$dsn" ]; then
    echo
    echo "== PostgreSQL (load average $(cut -d' ' -f1-3 /proc/loadavg)); the test cluster runs with fsync off"
    echo "   itas loadgen --db \"\$ITAS_TEST_PG\" ${flags[*]}"
    "$work/itas" loadgen --db "$dsn" "${flags[@]}"
  else
    echo
    echo "== PostgreSQL: skipped (set ITAS_TEST_PG or start scripts/pg-test-cluster.sh)"
  fi
fi
