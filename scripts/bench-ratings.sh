#!/usr/bin/env bash
# Durable rating submissions per second over HTTP, with group commit against a baseline of one
# transaction (and one fsync) per rating, in the same run on the same machine.
#
#   scripts/bench-ratings.sh build/providerwatch
#
# Goal: at least 5,000 ratings/s on SQLite with group commit. Everything on 127.0.0.1, in a
# temporary directory, stopped on exit. Missed goals print "GOAL MISSED"; the exit status is
# non-zero only when the bench cannot run.
set -euo pipefail
bin=$(realpath "${1:?usage: $0 PATH/TO/providerwatch}")
repo=$(cd "$(dirname "$0")/.." && pwd)
duration=${BENCH_DURATION:-10s}
connections=${BENCH_CONNECTIONS:-64}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-bench-ratings.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

run() {  # run NAME WRITE_BATCH: prints "requests/s non-2xx"
  local name=$1 batch=$2 db="$tmp/$1.db"
  "$bin" migrate --db "$db" >/dev/null
  "$bin" import registry "$repo/data/registry/work_programme_primes.csv" --db "$db" >/dev/null
  # One load generator is one client address: the rate limits (--limit-writes) are off here.
  "$bin" serve --db "$db" --port 0 --threads 2 --no-access-log --log-level warn --write-batch "$batch" \
    --limit-writes 0 --limit-lookups 0 >"$tmp/$name.out" 2>"$tmp/$name.err" &
  server_pid=$!
  local port=
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$tmp/$name.out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { cat "$tmp/$name.err" >&2; echo "bench-ratings: server did not start" >&2; exit 1; }
  local token
  token=$(curl -s "http://127.0.0.1:$port/providers/1/rate" | sed -n 's/.*name="csrf" value="\([0-9a-f.]*\)".*/\1/p')
  cat >"$tmp/post.lua" <<LUA
wrk.method = "POST"
wrk.body = "stars=4&respect=5&payment_group=esa&get_codename=no&csrf=$token"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
LUA
  timeout 120 wrk -t2 -c"$connections" -d"$duration" -s "$tmp/post.lua" "http://127.0.0.1:$port/providers/1/rate" \
    >"$tmp/$name.wrk" 2>&1
  kill -TERM "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=
  local rps non2xx
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/$name.wrk")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $NF}' "$tmp/$name.wrk")
  echo "${rps:-0} ${non2xx:-0}"
}

echo "bench-ratings: POST /providers/1/rate, $connections connections, $duration each, SQLite (WAL, synchronous=FULL)"
read -r group_rps group_bad < <(run group 1024)
read -r single_rps single_bad < <(run single 1)
ratio=$(awk -v a="$group_rps" -v b="$single_rps" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')
printf '%-34s %12s %10s\n' "" "ratings/s" "non-2xx"
printf '%-34s %12s %10s\n' "group commit (batches up to 1024)" "$group_rps" "$group_bad"
printf '%-34s %12s %10s\n' "one transaction per rating" "$single_rps" "$single_bad"
echo "ratio group/single: $ratio"
if awk -v r="$group_rps" 'BEGIN { exit !(r >= 5000) }' && [ "$group_bad" = 0 ]; then
  echo "goal met:    $group_rps durable ratings/s >= 5000 with group commit"
else
  echo "GOAL MISSED: $group_rps durable ratings/s with group commit (goal 5000, non-2xx $group_bad)"
fi
