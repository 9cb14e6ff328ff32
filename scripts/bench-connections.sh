#!/usr/bin/env bash
# 10,000 concurrent keep-alive connections held open against one server: its resident memory
# while they are held (goal: under 200 MB), and whether fresh requests are still answered.
#   scripts/bench-connections.sh build/providerwatch
set -euo pipefail
bin=$(realpath "${1:?usage: $0 PATH/TO/providerwatch}")
tool="$(dirname "$bin")/idle_connections"
count=${BENCH_CONNECTIONS_HELD:-10000}
source "$(dirname "$0")/lib/bench-server.sh"
start_bench_server "$bin" bench-conn
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }
before=$(rss_kb)
# Each held connection has made one request and stays open (keep-alive); probes keep them held.
"$tool" 127.0.0.1 "$port" "$count" 150 /healthz request >"$tmp/tool" 2>&1 &
tool_pid=$!
peak=$before
while kill -0 "$tool_pid" 2>/dev/null; do
  now=$(rss_kb); [ "$now" -gt "$peak" ] && peak=$now
  sleep 0.2
done
wait "$tool_pid" || true
summary=$(grep '^idle_open=' "$tmp/tool" || echo "idle_open=0")
echo "bench-connections: $summary"
mb=$(( peak / 1024 ))
echo "bench-connections: server RSS $((before / 1024)) MB at rest, $mb MB with the connections held"
open=$(sed -n 's/^idle_open=\([0-9]*\).*/\1/p' <<<"$summary")
ok=$(sed -n 's/.*probes_ok=\([0-9]*\).*/\1/p' <<<"$summary")
if [ "${open:-0}" -ge "$count" ] && [ "$mb" -lt 200 ] && [ "${ok:-0}" -eq 150 ]; then
  echo "goal met:    $count keep-alive connections held with RSS $mb MB < 200 MB, every fresh request answered"
else
  echo "GOAL MISSED: $open of $count connections held, RSS $mb MB (goal < 200), $ok of 150 fresh requests answered"
fi
