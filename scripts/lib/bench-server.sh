# Sourced by the benchmark scripts: a server on a free loopback port with the real registry, in a
# temporary directory removed (and the server stopped) on exit. Sets tmp, server and port.
#   start_bench_server PATH/TO/providerwatch NAME
start_bench_server() {
  local bin=$1 name=$2 repo
  repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/providerwatch-$name.XXXXXX")
  server=
  trap '[ -n "$server" ] && kill -TERM "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
  "$bin" migrate --db "$tmp/db" >/dev/null
  "$bin" import registry "$repo/data/registry/work_programme_primes.csv" --db "$tmp/db" >/dev/null
  "$bin" serve --db "$tmp/db" --port 0 --threads 2 --no-access-log --log-level warn >"$tmp/out" 2>"$tmp/err" &
  server=$!
  for _ in $(seq 100); do
    port=$(sed -n 's/^listening on http:\/\/127.0.0.1:\([0-9]*\)$/\1/p' "$tmp/out" 2>/dev/null || true); [ -n "${port:-}" ] && break; sleep 0.1
  done
  [ -n "${port:-}" ] || { cat "$tmp/err"; exit 1; }
}
