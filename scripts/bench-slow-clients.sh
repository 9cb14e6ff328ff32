#!/usr/bin/env bash
# 2,000 slowly-sending connections (a byte a second, never a whole request; each replaced when
# the server's read timeout closes it) held against the server while wrk loads the provider
# page: the real requests' p99 (goal: under 50 ms) and throughput, against the same wrk run
# with no slow clients.
#   scripts/bench-slow-clients.sh build/providerwatch
set -euo pipefail
bin=$(realpath "${1:?usage: $0 PATH/TO/providerwatch}")
tool="$(dirname "$bin")/slow_clients"
count=${BENCH_SLOW:-2000}
source "$(dirname "$0")/lib/bench-server.sh"
start_bench_server "$bin" bench-slow
url="http://127.0.0.1:$port/providers/1"

p99_ms() {  # the 99% line of wrk --latency, in ms
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) }
       else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' "$1"
}
rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }

wrk -t2 -c64 -d10s --latency "$url" >"$tmp/alone.txt"
"$tool" 127.0.0.1 "$port" "$count" 16 >"$tmp/slow.txt" &
slow=$!
sleep 3  # let them connect and start trickling
wrk -t2 -c64 -d10s --latency "$url" >"$tmp/loaded.txt"
wait "$slow"
kill -0 "$server" || { echo "bench-slow-clients: the server died"; exit 1; }
echo "bench-slow-clients: $(cat "$tmp/slow.txt")"
alone=$(p99_ms "$tmp/alone.txt"); loaded=$(p99_ms "$tmp/loaded.txt")
echo "bench-slow-clients: wrk alone $(rps "$tmp/alone.txt") req/s, p99 $alone ms; with $count slow clients $(rps "$tmp/loaded.txt") req/s, p99 $loaded ms"
if awk -v p="$loaded" 'BEGIN { exit !(p < 50) }'; then
  echo "goal met:    p99 $loaded ms < 50 ms with $count slowly-sending connections held"
else
  echo "GOAL MISSED: p99 $loaded ms (goal < 50 ms) with $count slowly-sending connections held"
fi
