#!/usr/bin/env bash
# The detection engine on ten million referral events: CSV parsing (goal >= 1 GB/s), the
# whole test suite after parsing (goal <= 1 s), and the per-unit-per-week group-by against
# DuckDB reading the same file in the same run (goal: ours no slower).
#   scripts/bench-analytics.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
file="$build/bench/events-10m.csv"
mkdir -p "$build/bench"
# Each run's lines are printed, then its figure read from them. (Not `tee /dev/stderr`: when
# stderr is a file, tee opens it again from the start and overwrites what came before.)
ours_out=$("$build/analytics_bench" "$file" 20000 104)
echo "$ours_out"
ours=$(awk '/^analytics-ours-seconds/ {print $2}' <<<"$ours_out")
theirs_out=$(node bench/duckdb/groupby.mjs "$file")
echo "$theirs_out"
theirs=$(awk '/^duckdb-seconds/ {print $2}' <<<"$theirs_out")
awk -v ours="$ours" -v theirs="$theirs" 'BEGIN {
  printf "analytics: parse + group-by, ours %.2f s against DuckDB %.2f s: ratio %.2f (below 1 is faster than DuckDB)\n",
         ours, theirs, ours / theirs }'
